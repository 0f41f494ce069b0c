package com.instore.agent.link;

import com.instore.protocol.KioskAddress;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the kiosk reaches its broker. The MQTT identity follows the team's convention: client id
 * {@code kiosk-{storeId}-{kioskId}}, username {@code {storeId}/{kioskId}}, password read from {@code passwordFile}.
 *
 * @param uri            broker URI, e.g. {@code tcp://127.0.0.1:1883}
 * @param passwordFile   file holding the kiosk's secret (trimmed)
 * @param sessionExpiry  how long the broker keeps the session (and queued answers) after a drop
 * @param maxInFlight    our own cap on unacknowledged QoS 1 publishes (further capped by the broker's receive maximum)
 * @param reconnectBase  the first reconnect delay's upper bound ({@code agent.mqtt.reconnect-base-ms}, default 250)
 * @param reconnectCap   the largest reconnect delay ({@code agent.mqtt.reconnect-cap-ms}, default 10000)
 * @param caFile         the store CA to trust for {@code ssl://} ({@code agent.mqtt.ca-file}; empty: the JDK's CAs)
 */
public record LinkConfig(KioskAddress kiosk, String uri, Path passwordFile, Duration sessionExpiry, int maxInFlight,
                         Duration reconnectBase, Duration reconnectCap, java.util.Optional<Path> caFile) {
    static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);
    static final int DEFAULT_MAX_IN_FLIGHT = 10;

    public LinkConfig {
        caFile = caFile == null ? java.util.Optional.empty() : caFile;
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (uri == null || !(uri.startsWith("tcp://") || uri.startsWith("ssl://"))) {
            throw new IllegalArgumentException("agent.mqtt.uri must start with tcp:// or ssl://, got " + uri);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        if (reconnectBase == null || reconnectBase.toMillis() < 1) {
            throw new IllegalArgumentException("agent.mqtt.reconnect-base-ms must be at least 1, got " + reconnectBase);
        }
        if (reconnectCap == null || reconnectCap.compareTo(reconnectBase) < 0) {
            throw new IllegalArgumentException("agent.mqtt.reconnect-cap-ms must be at least the base, got "
                    + reconnectCap);
        }
    }

    /** Without a CA file. */
    public LinkConfig(KioskAddress kiosk, String uri, Path passwordFile, Duration sessionExpiry, int maxInFlight,
                      Duration reconnectBase, Duration reconnectCap) {
        this(kiosk, uri, passwordFile, sessionExpiry, maxInFlight, reconnectBase, reconnectCap, java.util.Optional.empty());
    }

    /** The defaults for everything but the address and the secret. */
    public LinkConfig(KioskAddress kiosk, String uri, Path passwordFile) {
        this(kiosk, uri, passwordFile, DEFAULT_SESSION_EXPIRY, DEFAULT_MAX_IN_FLIGHT, Backoff.DEFAULT_BASE,
                Backoff.DEFAULT_CAP);
    }

    /** Reads the {@code agent.mqtt} node. */
    public static LinkConfig from(Config mqtt, KioskAddress kiosk) {
        String uri = mqtt.get("uri").asString().orElse("tcp://127.0.0.1:1883");
        Path passwordFile = mqtt.get("password-file").asString().map(Path::of)
                .orElseThrow(() -> new IllegalArgumentException("missing config key '" + mqtt.get("password-file").key() + "'"));
        return new LinkConfig(kiosk, uri, passwordFile, DEFAULT_SESSION_EXPIRY, DEFAULT_MAX_IN_FLIGHT,
                Duration.ofMillis(mqtt.get("reconnect-base-ms").asLong().orElse(Backoff.DEFAULT_BASE.toMillis())),
                Duration.ofMillis(mqtt.get("reconnect-cap-ms").asLong().orElse(Backoff.DEFAULT_CAP.toMillis())),
                mqtt.get("ca-file").asString().asOptional().filter(f -> !f.isBlank()).map(Path::of));
    }

    /** Our fixed client id: the broker refuses a kiosk that uses another one. */
    public String clientId() {
        return "kiosk-" + kiosk.storeId() + "-" + kiosk.kioskId();
    }

    public String username() {
        return kiosk.storeId() + "/" + kiosk.kioskId();
    }
}
