package com.instore.agent.simulate;

import io.helidon.config.Config;

import java.util.List;

/** Which tap reader the kiosk uses ({@code agent.reader.type}). Only the simulated reader exists so far. */
public record ReaderConfig(String type) {
    public static final String SIMULATED = "simulated";
    static final List<String> SUPPORTED = List.of(SIMULATED);

    public ReaderConfig {
        if (!SUPPORTED.contains(type)) {
            throw new IllegalArgumentException("unsupported agent.reader.type '" + type + "': supported types are "
                    + String.join(", ", SUPPORTED));
        }
    }

    /** Reads the {@code agent.reader} node; the type defaults to {@code simulated}. */
    public static ReaderConfig from(Config reader) {
        return new ReaderConfig(reader.get("type").asString().orElse(SIMULATED));
    }

    public boolean simulated() {
        return SIMULATED.equals(type);
    }
}
