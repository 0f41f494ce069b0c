package com.instore.hub.mqtt;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The publishing side of the hub's MQTT connection: QoS 1 publishes that never wait for their PUBACK. A publish Paho
 * refuses (e.g. too many in flight, not connected) is logged and reported as {@code false}, never thrown. Thread-safe.
 */
final class Publisher {
    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());

    private final MqttAsyncClient client;

    Publisher(MqttAsyncClient client) {
        this.client = client;
    }

    /** QoS 1 with an expiry and MQTT correlation data (a kiosk's answer). */
    boolean publish(String topic, byte[] payload, byte[] correlationData, long expirySeconds) {
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(expirySeconds);
        properties.setCorrelationData(correlationData);
        properties.setContentType("application/json");
        return send(topic, new MqttMessage(payload, 1, false, properties));
    }

    /** QoS 1, retained; an empty payload clears the topic's retained message. */
    boolean publishRetained(String topic, byte[] payload) {
        MqttProperties properties = new MqttProperties();
        if (payload.length > 0) {
            properties.setContentType("application/json");
        }
        return send(topic, new MqttMessage(payload, 1, true, properties));
    }

    /** An MQTT 5 request at QoS 1: answered on {@code responseTopic} with the same {@code correlationData}. */
    boolean request(String topic, byte[] payload, String responseTopic, byte[] correlationData, long expirySeconds) {
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(responseTopic);
        properties.setCorrelationData(correlationData);
        properties.setMessageExpiryInterval(expirySeconds);
        properties.setContentType("application/json");
        return send(topic, new MqttMessage(payload, 1, false, properties));
    }

    private boolean send(String topic, MqttMessage message) {
        try {
            client.publish(topic, message);
            return true;
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot publish to {0}: {1}", topic, e.getMessage());
            return false;
        }
    }
}
