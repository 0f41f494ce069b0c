package com.instore.agent.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the kiosk's MQTT secret. */
final class PasswordFile {
    private PasswordFile() {
    }

    /**
     * The file's content, trimmed, as UTF-8 bytes.
     *
     * @throws IllegalStateException naming the path when the file is missing, unreadable or empty
     */
    static byte[] read(Path file) {
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("cannot read the MQTT password file " + file.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); set agent.mqtt.password-file to the kiosk's secret", e);
        }
        if (secret.isEmpty()) {
            throw new IllegalStateException("the MQTT password file " + file.toAbsolutePath() + " is empty");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
