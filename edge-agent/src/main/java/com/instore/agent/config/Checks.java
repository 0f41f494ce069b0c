package com.instore.agent.config;

import com.instore.protocol.KioskConfig;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What this kiosk can run, beyond what the wire record already validates: the reader drivers it has and printer
 * addresses it understands. The hub cannot know the hardware; the kiosk refuses what it cannot apply. Stateless.
 */
final class Checks {
    static final Set<String> READERS = Set.of("simulated", "pcsc", "acr122", "mfrc522");
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
        if (!PRINTER.matcher(config.printerAddress()).matches()) {
            return Optional.of("printer address '" + config.printerAddress() + "' is not understood (none, simulated, "
                    + "tcp://host:port, file:/path, serial:/dev/...)");
        }
        return Optional.empty();
    }
}
