package com.instore.agent.enrol;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kiosk's enrolled identity in its state directory (owner-only: directory 0700, files 0600): {@code identity.json}
 * (ids and broker addresses), {@code mqtt.secret}, {@code ca.pem}. A factory reset deletes the directory; the kiosk then
 * needs a new code. Not thread-safe; used at start and by the enroll command.
 */
public final class KioskState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public KioskState(Path dir) {
        this.dir = dir;
    }

    /** Who the kiosk is, as saved (no secret). */
    record Saved(String storeId, String kioskId, String mqttUri, String mqttTlsUri) {
    }

    public boolean enrolled() {
        return Files.isRegularFile(dir.resolve("identity.json")) && Files.isRegularFile(dir.resolve("mqtt.secret"));
    }

    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** Saves a new identity, replacing any older one file by file (each written whole, then moved into place). */
    void save(Identity identity) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        write("mqtt.secret", identity.password() + "\n");
        if (identity.caPem() != null) {
            write("ca.pem", identity.caPem());
        }
        write("identity.json", JSON.writeValueAsString(new Saved(identity.storeId(), identity.kioskId(),
                identity.mqttUri(), identity.mqttTlsUri())));
    }

    /**
     * The config keys the identity sets ({@code agent.store-id}, {@code agent.kiosk-id}, {@code agent.mqtt.uri} (TLS when
     * the hub offers it), {@code agent.mqtt.password-file}, {@code agent.mqtt.ca-file}); empty when not enrolled.
     */
    public Map<String, String> configOverrides() {
        if (!enrolled()) {
            return Map.of();
        }
        try {
            Saved saved = JSON.readValue(dir.resolve("identity.json").toFile(), Saved.class);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("agent.store-id", saved.storeId());
            values.put("agent.kiosk-id", saved.kioskId());
            Optional.ofNullable(saved.mqttTlsUri()).or(() -> Optional.ofNullable(saved.mqttUri()))
                    .ifPresent(uri -> values.put("agent.mqtt.uri", uri));
            values.put("agent.mqtt.password-file", dir.resolve("mqtt.secret").toString());
            if (Files.isRegularFile(caFile())) {
                values.put("agent.mqtt.ca-file", caFile().toString());
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kiosk identity in " + dir, e);
        }
    }

    private void write(String name, String content) throws IOException {
        Path temp = Files.createTempFile(dir, name, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
