package com.instore.agent.link;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.time.Duration;

/**
 * One Paho client for one connection attempt. A new one is made for every attempt: the broker keeps the session (clean
 * start off), while unacknowledged taps are kept by {@link PendingTaps} and sent again by us, so no Paho client state
 * has to survive a drop. Not thread-safe: used on the link's thread only; callbacks come on Paho's threads.
 */
final class Connection {
    private static final int QOS_1 = 1;
    private static final int KEEP_ALIVE_SECONDS = 10;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final MqttAsyncClient client;

    Connection(LinkConfig config, MqttCallback callback) throws MqttException {
        client = new MqttAsyncClient(config.uri(), config.clientId(), new MemoryPersistence());
        client.setCallback(callback);
    }

    /** Starts connecting; the outcome goes to {@code listener} on a Paho thread. */
    void connect(LinkConfig config, byte[] password, Outgoing will, MqttActionListener listener) throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(config.username());
        options.setPassword(password);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(false);
        options.setSocketFactory(config.uri().startsWith("ssl://") ? TlsSockets.factory(config.caFile())
                : new NoDelaySocketFactory());
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setWill(will.topic(), new MqttMessage(will.payload(), QOS_1, will.retained(), new MqttProperties()));
        client.connect(options, null, listener);
    }

    void subscribe(String topicFilter, MqttActionListener listener) throws MqttException {
        MqttSubscription subscription = new MqttSubscription(topicFilter, QOS_1);
        subscription.setRetainHandling(1); // retained messages only when the session lacked this subscription
        client.subscribe(new MqttSubscription[] {subscription}, null, listener, new MqttProperties());
    }

    /**
     * Publishes at QoS 1.
     *
     * @throws MqttException at once when the client cannot take it (not connected, window full)
     */
    IMqttToken publish(Outgoing message, MqttActionListener listener) throws MqttException {
        MqttProperties properties = new MqttProperties();
        if (message.correlationData() != null) {
            properties.setCorrelationData(message.correlationData());
        }
        MqttMessage mqtt = new MqttMessage(message.payload(), QOS_1, message.retained(), properties);
        return client.publish(message.topic(), mqtt, null, listener);
    }

    /** Disconnects politely if possible, then forcibly, then releases the client's threads. Never throws. */
    void close(Duration quiesce) {
        try {
            if (client.isConnected()) {
                client.disconnect(quiesce.toMillis()).waitForCompletion(quiesce.toMillis() + 1000);
            }
        } catch (MqttException | RuntimeException ignored) {
            // Falls through to the forcible disconnect.
        }
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException | RuntimeException ignored) {
            // Already disconnected.
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // Nothing more can be released.
        }
    }

    /** A message to publish; {@code correlationData} (may be null) answers an MQTT 5 request. */
    record Outgoing(String topic, byte[] payload, boolean retained, byte[] correlationData) {
        Outgoing(String topic, byte[] payload, boolean retained) {
            this(topic, payload, retained, null);
        }
    }
}
