package com.instore.hub.provisioning;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.SchemaVersion;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A kiosk's configurable settings without version: what operators set ({@code PUT /api/kiosks/{id}/config}), what
 * {@code store.yaml} profiles and kiosks declare (kebab-case keys, any subset), merged over the hub's defaults.
 * Validation is {@link KioskConfig}'s: {@link #toConfig} throws IllegalArgumentException naming the bad field.
 */
record Settings(@JsonProperty("reader-type") String readerType, @JsonProperty("printer-address") String printerAddress,
                String theme, String language, @JsonProperty("answer-timeout-ms") long answerTimeoutMs,
                @JsonProperty("offers-per-screen") int offersPerScreen, @JsonProperty("debounce-ms") long debounceMs) {
    static final Set<String> KEYS = Set.of("reader-type", "printer-address", "theme", "language", "answer-timeout-ms",
            "offers-per-screen", "debounce-ms");
    static final Settings DEFAULTS = new Settings("simulated", "none", "default", "en", 800, 3, 1500);

    /** These settings with {@code partial}'s keys over them; an unknown key or a wrong type is refused. */
    Settings with(Map<String, ?> partial) {
        Map<String, Object> merged = new HashMap<>(asMap());
        for (Map.Entry<String, ?> e : partial.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown setting '" + e.getKey() + "' (known: " + KEYS + ")");
            }
            merged.put(e.getKey(), e.getValue());
        }
        try {
            return new Settings(text(merged, "reader-type"), text(merged, "printer-address"), text(merged, "theme"),
                    text(merged, "language"), number(merged, "answer-timeout-ms"), (int) number(merged, "offers-per-screen"),
                    number(merged, "debounce-ms"));
        } catch (ClassCastException | NumberFormatException e) {
            throw new IllegalArgumentException("a setting has the wrong type: " + e.getMessage(), e);
        }
    }

    Map<String, Object> asMap() {
        return Map.of("reader-type", readerType, "printer-address", printerAddress, "theme", theme, "language", language,
                "answer-timeout-ms", answerTimeoutMs, "offers-per-screen", offersPerScreen, "debounce-ms", debounceMs);
    }

    /** The wire record of these settings as {@code version}; throws IllegalArgumentException when a value is invalid. */
    KioskConfig toConfig(String kioskId, long version, Instant at) {
        return new KioskConfig(SchemaVersion.CURRENT, UUID.randomUUID().toString(), at, kioskId, version, readerType,
                printerAddress, theme, language, answerTimeoutMs, offersPerScreen, debounceMs);
    }

    static Settings of(KioskConfig c) {
        return new Settings(c.readerType(), c.printerAddress(), c.theme(), c.language(), c.answerTimeoutMs(),
                c.offersPerScreen(), c.debounceMs());
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("setting '" + key + "' is missing");
        }
        return value.toString();
    }

    private static long number(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
    }
}
