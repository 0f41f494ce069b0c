package com.instore.hub.mqtt;

import com.instore.protocol.Channel;
import com.instore.protocol.Topics;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The hub's own MQTT connection (Paho v5 async): subscribes to one channel of every kiosk per handler and runs the handlers
 * on the hub's executor, never on Paho's threads. Acknowledgements are manual: a QoS 1 message is acknowledged only after
 * its handler returned, so a tap whose row was not committed is redelivered by the broker (the session outlives the hub).
 * {@link #publish} never blocks. Thread-safe.
 */
public final class HubClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HubClient.class.getName());
    private static final long SESSION_EXPIRY_SECONDS = 3600;

    private final MqttAsyncClient client;
    private volatile Map<Channel, Handler> handlers = Map.of();
    private final ExecutorService executor;
    private final InvalidMessages invalid;

    /** Handles one inbound message on the hub executor; throw {@link InvalidInbound} to have it counted and dropped. */
    @FunctionalInterface
    public interface Handler {
        void handle(Inbound message) throws Exception;
    }

    private HubClient(MqttAsyncClient client, ExecutorService executor, InvalidMessages invalid) {
        this.client = client;
        this.executor = executor;
        this.invalid = invalid;
    }

    /**
     * Creates the client; nothing is sent before {@link #connect}.
     *
     * @param executor where handlers run; single-threaded keeps each kiosk's messages in order
     */
    public static HubClient create(String serverUri, String clientId, ExecutorService executor, InvalidMessages invalid)
            throws MqttException {
        MqttAsyncClient paho = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        paho.setManualAcks(true);
        HubClient hub = new HubClient(paho, executor, invalid);
        paho.setCallback(hub.new Callback());
        return hub;
    }

    /** Connects as {@code username}, subscribes every handled channel (QoS 1); blocks until subscribed or failed. */
    public void connect(String username, byte[] password, Map<Channel, Handler> channelHandlers) throws MqttException {
        this.handlers = Map.copyOf(channelHandlers);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(true);
        options.setKeepAliveInterval(30);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options).waitForCompletion(10_000);
        subscribe().waitForCompletion(10_000);
    }

    private IMqttToken subscribe() throws MqttException {
        String[] filters = handlers.keySet().stream().map(Topics::everyKiosk).toArray(String[]::new);
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, 1);
        return client.subscribe(filters, qos);
    }

    /**
     * Publishes at QoS 1 without waiting, with an expiry and MQTT correlation data; returns false (and logs) when Paho
     * refuses it, e.g. too many publishes in flight.
     */
    public boolean publish(String topic, byte[] payload, byte[] correlationData, long expirySeconds) {
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(expirySeconds);
        properties.setCorrelationData(correlationData);
        properties.setContentType("application/json");
        try {
            client.publish(topic, new MqttMessage(payload, 1, false, properties));
            return true;
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot publish to {0}: {1}", topic, e.getMessage());
            return false;
        }
    }

    /**
     * Publishes a retained message at QoS 1 without waiting (an empty payload clears the topic's retained message);
     * returns false (and logs) when Paho refuses it.
     */
    public boolean publishRetained(String topic, byte[] payload) {
        MqttProperties properties = new MqttProperties();
        if (payload.length > 0) {
            properties.setContentType("application/json");
        }
        return send(topic, new MqttMessage(payload, 1, true, properties));
    }

    /**
     * Publishes an MQTT 5 request at QoS 1 without waiting: the receiver answers on {@code responseTopic} with the same
     * {@code correlationData}. Returns false (and logs) when Paho refuses it.
     */
    public boolean request(String topic, byte[] payload, String responseTopic, byte[] correlationData,
                           long expirySeconds) {
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

    public boolean isConnected() {
        return client.isConnected();
    }

    private void dispatch(String topic, MqttMessage message) {
        long received = System.nanoTime();
        Optional<Topics.TopicAddress> address = Topics.parse(topic);
        Handler handler = address.map(a -> handlers.get(a.channel())).orElse(null);
        if (handler == null) {
            ack(message);
            return;
        }
        byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
        Inbound inbound = new Inbound(topic, address.get(), message.getPayload().clone(), message.isRetained(), received,
                correlation);
        try {
            executor.execute(() -> handle(handler, inbound, message));
        } catch (RejectedExecutionException shuttingDown) {
            LOG.log(System.Logger.Level.DEBUG, "hub stopping: {0} left for the broker to redeliver", topic);
        }
    }

    private void handle(Handler handler, Inbound inbound, MqttMessage message) {
        try {
            handler.handle(inbound);
        } catch (InvalidInbound e) {
            invalid.record(inbound.address().kiosk().kioskId(), inbound.topic(), e);
        } catch (Exception | Error e) {
            LOG.log(System.Logger.Level.ERROR, "failed to handle a message on " + inbound.topic(), e);
        } finally {
            ack(message);
        }
    }

    private void ack(MqttMessage message) {
        if (message.getQos() == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot acknowledge message {0}: {1}", message.getId(), e.getMessage());
        }
    }

    /** Disconnects politely, then forcibly, then releases Paho's threads (it leaks them otherwise). */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "polite disconnect failed: {0}", e.getMessage());
        }
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.TRACE, "already disconnected: {0}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed: {0}", e.getMessage());
        }
    }

    /** Paho's callbacks: only hand-offs, never work. */
    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            dispatch(topic, message);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                executor.execute(HubClient.this::resubscribe);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.log(System.Logger.Level.WARNING, "hub MQTT connection lost: {0}", response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.log(System.Logger.Level.WARNING, "hub MQTT error: {0}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    private void resubscribe() {
        try {
            subscribe();
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot resubscribe after reconnect: {0}", e.getMessage());
        }
    }
}
