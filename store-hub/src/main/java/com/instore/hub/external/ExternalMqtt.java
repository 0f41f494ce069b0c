package com.instore.hub.external;

import com.instore.protocol.KioskAddress;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Chain mode's broker settings, from {@code hub.mqtt} ({@code mode: external} and the {@code external} node): the hub starts
 * no broker and connects to {@code uri} with its own credentials.
 *
 * @param uri          the broker for the hub, {@code tcp://host:port} or {@code ssl://host:port}
 * @param kioskUri     the broker URI told to enrolling kiosks (default: {@code uri})
 * @param username     the hub's user name on the broker (default {@code hub})
 * @param passwordFile the hub's password (one line)
 * @param caFile       PEM CA the hub trusts for {@code ssl://} (default: the JVM's trust store)
 * @param instance     this hub instance's name (slug), stable across restarts: the client id is {@code hub-{store}-{instance}}
 *                     and a restarted instance resumes its own persistent session
 * @param dynsec       whether the hub keeps kiosk, monitor and hub accounts in Mosquitto's dynamic-security plugin
 */
public record ExternalMqtt(String uri, String kioskUri, String username, Path passwordFile, Optional<Path> caFile,
                           String instance, boolean dynsec) {
    public ExternalMqtt {
        if (!uri.startsWith("tcp://") && !uri.startsWith("ssl://")) {
            throw new IllegalArgumentException("hub.mqtt.external.uri must be tcp://host:port or ssl://host:port: " + uri);
        }
        kioskUri = kioskUri == null || kioskUri.isBlank() ? uri : kioskUri;
        instance = KioskAddress.requireSlug(instance, "hub.mqtt.external.instance");
        caFile = caFile == null ? Optional.empty() : caFile;
    }

    /** Empty unless {@code hub.mqtt.mode} is {@code external}; then {@code hub.mqtt.external} must name uri and password. */
    public static Optional<ExternalMqtt> from(Config mqtt) {
        String mode = mqtt.get("mode").asString().orElse("embedded");
        if ("embedded".equals(mode)) {
            return Optional.empty();
        }
        if (!"external".equals(mode)) {
            throw new IllegalArgumentException("hub.mqtt.mode must be embedded or external, not '" + mode + "'");
        }
        Config e = mqtt.get("external");
        return Optional.of(new ExternalMqtt(
                e.get("uri").asString().orElseThrow(() -> new IllegalArgumentException("hub.mqtt.external.uri is missing")),
                e.get("kiosk-uri").asString().orElse(null),
                e.get("username").asString().orElse("hub"),
                Path.of(e.get("password-file").asString().orElseThrow(
                        () -> new IllegalArgumentException("hub.mqtt.external.password-file is missing"))),
                e.get("ca-file").asString().map(Path::of),
                e.get("instance").asString().orElse("main"),
                e.get("dynsec").asBoolean().orElse(true)));
    }

    /** This instance's MQTT client id. */
    public String clientId(String storeId) {
        return "hub-" + storeId + "-" + instance;
    }

    /** The shared-subscription group of a store's hubs: one member gets each tap. */
    public static String shareGroup(String storeId) {
        return "hub-" + storeId;
    }
}
