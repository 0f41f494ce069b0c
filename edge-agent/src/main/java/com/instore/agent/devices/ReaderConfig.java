package com.instore.agent.devices;

import com.instore.devices.tap.ReaderSpec;
import com.instore.devices.tap.TapReaders;
import io.helidon.config.Config;

import java.util.Objects;

/**
 * Which tap reader the kiosk uses ({@code agent.reader}): {@code simulated}, {@code pcsc}, {@code acr122} or
 * {@code mfrc522}, with the driver's options (see {@link TapReaders}), e.g.
 * {@code reader: { type: pcsc, reader: ACR1252, aid: F0494E53544F5245, debounce-ms: 1500 }} or
 * {@code reader: mfrc522?spi-bus=0&spi-channel=0&reset-pin=25}.
 */
public record ReaderConfig(ReaderSpec spec) {
    public static final String SIMULATED = "simulated";

    public ReaderConfig {
        Objects.requireNonNull(spec, "spec");
        if (!TapReaders.TYPES.contains(spec.type())) {
            throw new IllegalArgumentException("unsupported agent.reader.type '" + spec.type()
                    + "': supported types are " + String.join(", ", TapReaders.TYPES));
        }
    }

    /**
     * Reads the {@code agent.reader} node; the type defaults to {@code simulated}.
     *
     * @throws IllegalArgumentException for an unknown type or a malformed option
     */
    public static ReaderConfig from(Config reader) {
        String text = NodeSpec.of(reader).orElse(SIMULATED);
        ReaderSpec spec = ReaderSpec.parse(text.isEmpty() || text.startsWith("?") ? SIMULATED + text : text);
        return new ReaderConfig(spec);
    }

    public String type() {
        return spec.type();
    }

    public boolean simulated() {
        return SIMULATED.equals(spec.type());
    }
}
