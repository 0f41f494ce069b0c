package com.instore.bench.mqtt;

import java.util.concurrent.CompletableFuture;

/**
 * One connected MQTT 5 client. Thread-safe: {@link #publish} may be called from any thread, including from an
 * {@link Inbound} callback (it never blocks).
 */
public interface MqttLink extends AutoCloseable {

    /** Publishes at QoS 1; the future completes when the PUBACK (or a failure) arrives, never exceptionally. */
    CompletableFuture<PublishOutcome> publish(String topic, byte[] payload, byte[] correlation, long expirySeconds);

    /** Subscribes at QoS 1 and waits for the SUBACK; throws {@link IllegalStateException} if the broker refuses. */
    void subscribe(String filter, Inbound handler);

    /** Disconnects, waiting a few seconds at most. */
    @Override
    void close();

    /** A message arrived. Runs on a network thread: must be quick and must never block. */
    @FunctionalInterface
    interface Inbound {
        void onMessage(String topic, byte[] payload, byte[] correlation);
    }

    /** How a QoS 1 publish ended. */
    enum PublishOutcome {
        /** PUBACK with a success reason code. */
        ACCEPTED,
        /** PUBACK with an error reason code (e.g. 135 not authorised). */
        REFUSED,
        /** No PUBACK: connection lost, client closed. */
        FAILED
    }
}
