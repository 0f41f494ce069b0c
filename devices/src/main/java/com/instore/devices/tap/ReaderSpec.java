package com.instore.devices.tap;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tap reader as configuration describes it: a type ({@code simulated}, {@code pcsc}, {@code acr122}, {@code mfrc522})
 * and string options (see {@link TapReaders} for the options of each type). Immutable.
 *
 * @param type    the driver family, lower case
 * @param options driver options; unknown options are ignored
 */
public record ReaderSpec(String type, Map<String, String> options) {
    public ReaderSpec {
        Objects.requireNonNull(type, "type");
        type = type.strip().toLowerCase(java.util.Locale.ROOT);
        options = Map.copyOf(options == null ? Map.of() : options);
    }

    public static ReaderSpec of(String type) {
        return new ReaderSpec(type, Map.of());
    }

    /**
     * Parses {@code type} or {@code type?key=value&key=value}, e.g. {@code pcsc?reader=ACR1252&debounce-ms=1000}.
     *
     * @throws IllegalArgumentException when an option has no '='
     */
    public static ReaderSpec parse(String text) {
        int q = text.indexOf('?');
        if (q < 0) {
            return of(text);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : text.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("reader option '" + pair + "' in '" + text + "' is not key=value");
            }
            options.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new ReaderSpec(text.substring(0, q), options);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }

    public String option(String name, String fallback) {
        return option(name).orElse(fallback);
    }

    /** @throws IllegalArgumentException when the option is not a whole number */
    public int intOption(String name, int fallback) {
        String value = option(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.decode(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reader option " + name + "=" + value + " is not a number", e);
        }
    }

    public Duration millisOption(String name, Duration fallback) {
        return Duration.ofMillis(intOption(name, (int) fallback.toMillis()));
    }
}
