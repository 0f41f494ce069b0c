package com.instore.hub.mqtt;

/**
 * A message as a transport handed it to the hub: the hub's own MQTT connection, or the embedded broker taking a kiosk's
 * tap in-process.
 *
 * @param topic           the concrete topic
 * @param payload         a private copy of the payload
 * @param retained        true when replayed from the broker's retained store at subscription time
 * @param correlationData the MQTT 5 correlation data, null when the message had none
 * @param receivedNanos   {@link System#nanoTime()} when it arrived (the start of tap-to-offer latency)
 * @param acknowledge     tells the sender it was taken (the PUBACK); null for a QoS 0 message, which has none
 */
public record Arrival(String topic, byte[] payload, boolean retained, byte[] correlationData, long receivedNanos,
                      Runnable acknowledge) {
}
