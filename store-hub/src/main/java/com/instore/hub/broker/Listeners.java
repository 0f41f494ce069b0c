package com.instore.hub.broker;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the broker listens: plain TCP on {@code plainPort} (-1: no plain listener; 0: a free port) and, optionally, TLS.
 *
 * @param host      bind address of both listeners
 * @param plainPort plain MQTT port, -1 for none, 0 for a free one
 * @param tls       the TLS listener, empty for none
 */
public record Listeners(String host, int plainPort, Optional<Tls> tls) {
    public Listeners {
        if (plainPort < 0 && tls.isEmpty()) {
            throw new IllegalArgumentException("the broker needs at least one listener");
        }
    }

    /**
     * A TLS listener.
     *
     * @param port             0 for a free one
     * @param keystore         PKCS12 keystore with the server key and chain
     * @param keystorePassword its password (also the key's); written only into the broker's owner-only config.xml
     */
    public record Tls(int port, Path keystore, String keystorePassword) {
        @Override
        public String toString() {
            return "Tls[port=" + port + ", keystore=" + keystore + "]";
        }
    }
}
