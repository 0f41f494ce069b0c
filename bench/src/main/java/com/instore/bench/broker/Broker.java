package com.instore.bench.broker;

import com.instore.bench.mqtt.MqttEndpoint;

/** A broker started for one benchmark run, knowing exactly the run's accounts. Closing stops it. */
public interface Broker extends AutoCloseable {
    MqttEndpoint endpoint();

    /** A short name for reports: {@code hivemq-embedded}, {@code mosquitto 2.0.11}. */
    String name();

    @Override
    void close();
}
