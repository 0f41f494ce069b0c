package com.instore.hub.broker;

import io.helidon.config.Config;

import java.util.Locale;

/**
 * Where the embedded broker keeps sessions, queued messages and retained messages ({@code hub.mqtt.persistence}).
 * <ul>
 *   <li>{@code file} (default): on disk; after a hub restart, kiosks whose sessions were persistent still get the commands
 *   and print jobs queued for them while they were away (issue 8).</li>
 *   <li>{@code in-memory}: about a quarter less CPU per tap and no pauses from the broker's store (bench/BENCHMARKS.md).
 *   Taps are still never lost: a kiosk keeps each tap until the hub's answer and sends it again after a reconnect. What a
 *   hub restart loses is what the broker held for kiosks: commands and print jobs queued for a kiosk that was offline
 *   (their senders have timed out by then) and retained messages (the hub publishes desired configurations again at
 *   start, kiosks their status at every connect).</li>
 * </ul>
 */
public enum BrokerPersistence {
    FILE("file"),
    IN_MEMORY("in-memory");

    private final String mode;

    BrokerPersistence(String mode) {
        this.mode = mode;
    }

    /** The value of HiveMQ's {@code <persistence><mode>}. */
    String mode() {
        return mode;
    }

    /** Reads {@code persistence} of the {@code hub.mqtt} node; anything but file or in-memory is refused with the reason. */
    public static BrokerPersistence from(Config mqtt) {
        String value = mqtt.get("persistence").asString().orElse(FILE.mode).strip().toLowerCase(Locale.ROOT);
        for (BrokerPersistence p : values()) {
            if (p.mode.equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("hub.mqtt.persistence must be file or in-memory, not '" + value + "'");
    }
}
