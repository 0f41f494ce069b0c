package com.instore.hub.provisioning;

/** What provisioning publishes through the hub's MQTT client; never blocks. Implemented by {@code HubClient}. */
interface MqttOut {
    /** Retained QoS 1; an empty payload clears the retained message. False when the client refused it. */
    boolean retained(String topic, byte[] payload);

    /** An MQTT 5 request (response topic, correlation data), QoS 1. False when the client refused it. */
    boolean request(String topic, byte[] payload, String responseTopic, byte[] correlationData, long expirySeconds);
}
