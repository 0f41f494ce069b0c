package com.instore.agent.config;

import com.instore.protocol.KioskConfig;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What this kiosk can run, beyond what the wire record already validates: the reader drivers it has and printer
 * addresses it understands, the screen themes and languages its page has. The hub cannot know the hardware; the kiosk refuses what it cannot apply. Stateless.
 */
final class Checks {
    static final Set<String> READERS = Set.of("simulated", "pcsc", "acr122", "mfrc522");
    /** The kiosk page's themes (kiosk.css) and languages (i18n.js); "light" is the default look. */
    static final Set<String> THEMES = Set.of("default", "light", "dark", "high-contrast");
    static final Set<String> LANGUAGES = Set.of("en", "fr", "de", "es");
    private static final Pattern PRINTER = Pattern.compile(
            "none|simulated(\\?port=\\d{1,5})?|tcp://[A-Za-z0-9.\\-]+:\\d{1,5}|file:/\\S+|serial:/\\S+");

    private Checks() {
    }

    /** Why the configuration cannot be applied here, empty when it can. */
    static Optional<String> refusal(KioskConfig config, String ownKioskId) {
        if (!config.kioskId().equals(ownKioskId)) {
            return Optional.of("configuration for kiosk '" + config.kioskId() + "' sent to '" + ownKioskId + "'");
        }
        if (!READERS.contains(config.readerType())) {
            return Optional.of("reader type '" + config.readerType() + "' is not supported by this kiosk (supported: "
                    + READERS + ")");
        }
        if (!THEMES.contains(config.theme())) {
            return Optional.of("screen theme '" + config.theme() + "' is not one of this kiosk's " + THEMES);
        }
        if (!LANGUAGES.contains(config.language().split("-")[0])) {
            return Optional.of("screen language '" + config.language() + "' is not one of this kiosk's " + LANGUAGES);
        }
        if (!PRINTER.matcher(config.printerAddress()).matches()) {
            return Optional.of("printer address '" + config.printerAddress() + "' is not understood (none, simulated, "
                    + "tcp://host:port, file:/path, serial:/dev/...)");
        }
        return Optional.empty();
    }
}
