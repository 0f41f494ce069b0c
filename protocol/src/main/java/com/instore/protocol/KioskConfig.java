package com.instore.protocol;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A kiosk's desired configuration, hub to kiosk on {@link Channel#CONFIG_DESIRED} (QoS 1, retained), like a device shadow's
 * desired state. {@code version} rises by one with every change; the kiosk answers with a {@link ConfigReport}.
 * Whether the kiosk's hardware supports a value (e.g. the reader type) is the kiosk's call: it refuses what it cannot
 * apply and keeps its last good configuration.
 *
 * @param readerType       tap reader driver, e.g. {@code simulated}, {@code pcsc}, {@code acr122}, {@code mfrc522}
 * @param printerAddress   receipt printer URI ({@code tcp://host:9100}, {@code simulated}, {@code none}, ...)
 * @param theme            screen theme name
 * @param language         screen language, e.g. {@code en} or {@code fr-FR}
 * @param answerTimeoutMs  how long the screen waits for the hub's answer, 50..10000
 * @param offersPerScreen  at most this many offers on screen, 0..10
 * @param debounceMs       one card presentation within this window is one tap, 0..10000
 */
public record KioskConfig(int v, String id, Instant at, String kioskId, long version, String readerType,
                          String printerAddress, String theme, String language, long answerTimeoutMs, int offersPerScreen,
                          long debounceMs) implements Message {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

    public KioskConfig {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        if (version < 1) {
            throw new IllegalArgumentException("'version' must be at least 1, got " + version);
        }
        name(readerType, "readerType");
        Check.text(printerAddress, "printerAddress", 256);
        name(theme, "theme");
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("'language' must look like 'en' or 'fr-FR', got " + language);
        }
        range(answerTimeoutMs, 50, 10_000, "answerTimeoutMs");
        range(offersPerScreen, 0, 10, "offersPerScreen");
        range(debounceMs, 0, 10_000, "debounceMs");
    }

    /** The same settings under another version, id and time. */
    public KioskConfig withVersion(long newVersion, String newId, Instant newAt) {
        return new KioskConfig(v, newId, newAt, kioskId, newVersion, readerType, printerAddress, theme, language,
                answerTimeoutMs, offersPerScreen, debounceMs);
    }

    /** Whether the settings (not version, id or time) are the same. */
    public boolean sameSettings(KioskConfig other) {
        return other != null && readerType.equals(other.readerType) && printerAddress.equals(other.printerAddress)
                && theme.equals(other.theme) && language.equals(other.language)
                && answerTimeoutMs == other.answerTimeoutMs && offersPerScreen == other.offersPerScreen
                && debounceMs == other.debounceMs;
    }

    private static void name(String value, String field) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + field + "' must be 1-32 of [a-z0-9_-], got " + value);
        }
    }

    private static void range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("'" + field + "' must be " + min + ".." + max + ", got " + value);
        }
    }
}
