package com.instore.hub.mqtt;

import com.instore.protocol.Topics;

/**
 * A message the hub received on one of its kiosk subscriptions.
 *
 * @param topic         the concrete topic
 * @param address       the topic parsed: store, kiosk, channel
 * @param payload       a private copy of the payload
 * @param retained      true when replayed from the broker's retained store at subscription time
 * @param receivedNanos {@link System#nanoTime()} when Paho handed it over (the start of tap-to-offer latency)
 * @param correlationData the MQTT 5 correlation data, null when the message had none
 */
public record Inbound(String topic, Topics.TopicAddress address, byte[] payload, boolean retained, long receivedNanos,
                      byte[] correlationData) {
    /** A message without correlation data. */
    public Inbound(String topic, Topics.TopicAddress address, byte[] payload, boolean retained, long receivedNanos) {
        this(topic, address, payload, retained, receivedNanos, null);
    }
}
