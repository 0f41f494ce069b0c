package com.instore.agent.config;

import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.MessageCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;

/** The last configuration applied successfully, kept in {@code <data-dir>/config/last-good.json} across restarts. */
public final class LastGood {
    private static final Logger LOG = Logger.getLogger(LastGood.class.getName());

    private final Path file;
    private final MessageCodec codec;

    LastGood(Path dataDir, MessageCodec codec) {
        this.file = dataDir.resolve("config").resolve("last-good.json");
        this.codec = codec;
    }

    /**
     * The device settings of the last good configuration in {@code dataDir} as agent config keys
     * ({@code agent.reader.type}, {@code agent.reader.debounce-ms}, {@code agent.printer.uri}), so that a restarted agent
     * runs the devices the hub configured; empty when there is none.
     */
    public static java.util.Map<String, String> deviceOverrides(Path dataDir) {
        return new LastGood(dataDir, new MessageCodec()).read().map(c -> {
            java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
            keys.put("agent.reader.type", c.readerType());
            if (!"simulated".equals(c.readerType())) {
                keys.put("agent.reader.debounce-ms", String.valueOf(c.debounceMs()));
            }
            keys.put("agent.printer.uri", c.printerAddress());
            return keys;
        }).orElse(java.util.Map.of());
    }

    Optional<KioskConfig> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.decode(Files.readAllBytes(file), KioskConfig.class));
        } catch (IOException | InvalidMessageException e) {
            LOG.warning("ignoring the unreadable last good configuration " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Replaces the file whole (written aside, then moved), so a power cut leaves the old or the new one. */
    void write(KioskConfig config) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "last-good", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temp, codec.encode(config));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
