package com.instore.bench;

import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

import java.util.Optional;

/** Something that answers taps (the hub, or the floor's echo service) behind a broker; closing stops both. */
interface SystemUnderTest extends AutoCloseable {
    /** {@code hub} or {@code floor}. */
    String target();

    /** The broker's name for reports. */
    String broker();

    MqttEndpoint endpoint();

    /** The kiosk accounts the broker accepts. */
    Accounts accounts();

    /** What it reports about itself since the previous call (a hub in its own process: CPU and memory), if anything. */
    default Optional<String> figures() {
        return Optional.empty();
    }

    @Override
    void close();
}
