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
import java.util.concurrent.ExecutorService;

/**
 * The hub's own MQTT connection (Paho v5 async): subscribes to one channel of every kiosk per handler and runs the handlers
 * on the hub's executor, never on Paho's threads; a {@link Queued} handler instead takes the message on Paho's thread
 * without blocking (it queues it for its own thread) and reports later through a {@link Completion}. Acknowledgements are
 * manual: a QoS 1 message is acknowledged only after its handler returned normally (or completed) or rejected it as
 * invalid. A handler that fails otherwise (the database is down) is run
 * again after a growing pause, unacknowledged until it succeeds, so its tap is never lost: if the hub dies meanwhile the
 * broker redelivers it from the persistent session. Handlers must therefore be idempotent (taps are, by tap id). Inbound
 * taps beyond a kiosk's {@link KioskRateLimit} are dropped and counted before they reach the executor, so one flooding
 * kiosk cannot slow the others. {@link #publish} never blocks. Thread-safe.
 */
public final class HubClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HubClient.class.getName());
    private static final long SESSION_EXPIRY_SECONDS = 3600;

    private final MqttAsyncClient client;
    private final Dispatcher dispatcher;
    private final Publisher publisher;
    private final ExecutorService executor;
    private volatile java.util.function.Function<Channel, String> filters = Topics::everyKiosk;
    private volatile long sessionExpiry = SESSION_EXPIRY_SECONDS;
    private volatile boolean reconnect = true;
    private volatile boolean endSessionOnClose;
    private volatile javax.net.SocketFactory socketFactory = new NoDelaySocketFactory();

    /** Handles one inbound message on the hub executor; throw {@link InvalidInbound} to have it counted and dropped. */
    @FunctionalInterface
    public interface Handler {
        void handle(Inbound message) throws Exception;
    }

    /**
     * Takes a message without blocking (it runs on Paho's thread: queue it, do the work elsewhere) and reports how it
     * ended through {@code completion}, exactly once, from any thread. Must be idempotent: a failed message comes again.
     */
    @FunctionalInterface
    public interface Queued {
        void accept(Inbound message, Completion completion);
    }

    /** How a {@link Queued} message ended; call exactly one method, once, from any thread. Never blocks. */
    public interface Completion {
        /** Done (committed): the message is acknowledged. */
        void handled();

        /** Rejected for good: counted, logged, acknowledged. */
        void invalid(InvalidInbound why);

        /** Not done (e.g. the database refused): not acknowledged, offered to the handler again after a pause. */
        void failed(Throwable why);
    }

    private HubClient(MqttAsyncClient client, ExecutorService executor, InvalidMessages invalid,
                      KioskRateLimit rateLimit) {
        this.client = client;
        this.executor = executor;
        this.dispatcher = new Dispatcher(executor, invalid, rateLimit);
        this.publisher = new Publisher(client);
    }

    /**
     * Creates the client; nothing is sent before {@link #connect}.
     *
     * @param executor where handlers run; single-threaded keeps each kiosk's messages in order
     */
    public static HubClient create(String serverUri, String clientId, ExecutorService executor, InvalidMessages invalid)
            throws MqttException {
        return create(serverUri, clientId, executor, invalid, KioskRateLimit.defaults());
    }

    /** As {@link #create(String, String, ExecutorService, InvalidMessages)} with the given per-kiosk tap rate limit. */
    public static HubClient create(String serverUri, String clientId, ExecutorService executor, InvalidMessages invalid,
                                   KioskRateLimit rateLimit) throws MqttException {
        MqttAsyncClient paho = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        paho.setManualAcks(true);
        HubClient hub = new HubClient(paho, executor, invalid, rateLimit);
        paho.setCallback(hub.new Callback());
        return hub;
    }

    /** Uses {@code factory} for the connection (an SSL one for an {@code ssl://} URI; it must set TCP_NODELAY). */
    public void socketFactory(javax.net.SocketFactory factory) {
        this.socketFactory = factory;
    }

    /**
     * Which filter each handled channel is subscribed with (default {@link Topics#everyKiosk}); a chain's hub scopes them to
     * its store and shares some ({@link Topics#shared}). Call before {@link #connect}.
     */
    public void subscriptions(java.util.function.Function<Channel, String> channelFilters) {
        this.filters = channelFilters;
    }

    /**
     * Session settings (before {@link #connect}): the session expiry, whether Paho reconnects by itself, and whether
     * {@link #close} ends the session ({@link #leave}) instead of leaving it for the broker to keep.
     */
    public void session(long expirySeconds, boolean automaticReconnect, boolean endOnClose) {
        this.sessionExpiry = expirySeconds;
        this.reconnect = automaticReconnect;
        this.endSessionOnClose = endOnClose;
    }

    /** Connects as {@code username}, subscribes every handled channel (QoS 1); blocks until subscribed or failed. */
    public void connect(String username, byte[] password, Map<Channel, Handler> channelHandlers) throws MqttException {
        connect(username, password, channelHandlers, Map.of());
    }

    /** As {@link #connect(String, byte[], Map)}, with channels whose messages go to a {@link Queued} handler. */
    public void connect(String username, byte[] password, Map<Channel, Handler> channelHandlers,
                        Map<Channel, Queued> queuedHandlers) throws MqttException {
        dispatcher.handlers(channelHandlers, queuedHandlers);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(sessionExpiry);
        options.setAutomaticReconnect(reconnect);
        options.setKeepAliveInterval(30);
        options.setSocketFactory(socketFactory);
        client.connect(options).waitForCompletion(10_000);
        IMqttToken subscribed = subscribe();
        subscribed.waitForCompletion(10_000);
        int[] granted = subscribed.getReasonCodes();
        if (granted != null && java.util.Arrays.stream(granted).anyMatch(code -> code >= 128)) {
            throw new MqttException(java.util.Arrays.stream(granted).filter(code -> code >= 128).findFirst().getAsInt());
        }
    }

    private IMqttToken subscribe() throws MqttException {
        String[] topics = topics();
        int[] qos = new int[topics.length];
        java.util.Arrays.fill(qos, 1);
        return client.subscribe(topics, qos);
    }

    private String[] topics() {
        return dispatcher.channels().map(filters).toArray(String[]::new);
    }

    /**
     * Stops taking new messages and finishes what came: unsubscribes every channel (so a shared subscription's messages go
     * to the other members), then waits until everything received before has been handled and acknowledged. Blocking, at
     * most about {@code timeoutMs} (then logs what is left for the broker); never call it from the executor.
     */
    public void leave(long timeoutMs) {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        try {
            if (client.isConnected()) {
                client.unsubscribe(topics()).waitForCompletion(timeoutMs);
            }
            while (dispatcher.unacknowledged() > 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "could not unsubscribe cleanly: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dispatcher.unacknowledged() > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} messages still unacknowledged when leaving",
                    dispatcher.unacknowledged());
        }
    }

    /**
     * Publishes at QoS 1 without waiting, with an expiry and MQTT correlation data; returns false (and logs) when Paho
     * refuses it, e.g. too many publishes in flight.
     */
    public boolean publish(String topic, byte[] payload, byte[] correlationData, long expirySeconds) {
        return publisher.publish(topic, payload, correlationData, expirySeconds);
    }

    /**
     * Publishes a retained message at QoS 1 without waiting (an empty payload clears the topic's retained message);
     * returns false (and logs) when Paho refuses it.
     */
    public boolean publishRetained(String topic, byte[] payload) {
        return publisher.publishRetained(topic, payload);
    }

    /**
     * Publishes an MQTT 5 request at QoS 1 without waiting: the receiver answers on {@code responseTopic} with the same
     * {@code correlationData}. Returns false (and logs) when Paho refuses it.
     */
    public boolean request(String topic, byte[] payload, String responseTopic, byte[] correlationData,
                           long expirySeconds) {
        return publisher.request(topic, payload, responseTopic, correlationData, expirySeconds);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Disconnects politely, then forcibly, then releases Paho's threads (it leaks them otherwise). */
    @Override
    public void close() {
        if (endSessionOnClose) {
            leave(3_000);
        }
        dispatcher.close();
        MqttProperties end = new MqttProperties();
        if (endSessionOnClose) {
            end.setSessionExpiryInterval(0L);
        }
        PahoClose.close(client, end, 2_000);
    }

    /** Paho's callbacks: only hand-offs, never work. */
    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
            dispatcher.dispatch(new Arrival(topic, message.getPayload().clone(), message.isRetained(), correlation,
                    System.nanoTime(), message.getQos() == 0 ? null : () -> acknowledge(message)));
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

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot acknowledge message {0}: {1}", message.getId(), e.getMessage());
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
