package com.instore.agent.outbox;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the durable outbox lives and how many taps it keeps.
 *
 * @param file     the SQLite database, {@code <agent.data-dir>/outbox.db}
 * @param capacity how many unacknowledged taps it keeps before refusing new ones ({@code agent.outbox.capacity},
 *                 default 50,000)
 */
public record OutboxConfig(Path file, int capacity) {
    static final int DEFAULT_CAPACITY = 50_000;
    static final String FILE_NAME = "outbox.db";

    public OutboxConfig {
        Objects.requireNonNull(file, "file");
        if (capacity < 1) {
            throw new IllegalArgumentException("agent.outbox.capacity must be at least 1, got " + capacity);
        }
    }

    /** Reads the {@code agent.outbox} node; the file is always {@code outbox.db} in the agent's data directory. */
    public static OutboxConfig from(Config outbox, Path dataDir) {
        return new OutboxConfig(dataDir.resolve(FILE_NAME), outbox.get("capacity").asInt().orElse(DEFAULT_CAPACITY));
    }
}
