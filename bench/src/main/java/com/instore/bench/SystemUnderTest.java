package com.instore.bench;

import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

/** Something that answers taps (the hub, or the floor's echo service) behind a broker; closing stops both. */
interface SystemUnderTest extends AutoCloseable {
    /** {@code hub} or {@code floor}. */
    String target();

    /** The broker's name for reports. */
    String broker();

    MqttEndpoint endpoint();

    /** The kiosk accounts the broker accepts. */
    Accounts accounts();

    @Override
    void close();
}
