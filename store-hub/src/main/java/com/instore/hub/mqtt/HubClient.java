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
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private volatile Map<Channel, Handler> handlers = Map.of();
    private volatile Map<Channel, Queued> queued = Map.of();
    private volatile java.util.function.Function<Channel, String> filters = Topics::everyKiosk;
    private volatile long sessionExpiry = SESSION_EXPIRY_SECONDS;
    private volatile boolean reconnect = true;
    private volatile boolean endSessionOnClose;
    /** QoS 1 messages received and not yet acknowledged (being handled, or waiting for a retry). */
    private final java.util.concurrent.atomic.AtomicInteger unacknowledged = new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService executor;
    private final InvalidMessages invalid;
    private volatile javax.net.SocketFactory socketFactory = new NoDelaySocketFactory();
    private final KioskRateLimit rateLimit;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hub-mqtt-retry").daemon().factory());

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
        this.invalid = invalid;
        this.rateLimit = rateLimit;
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
        this.handlers = Map.copyOf(channelHandlers);
        this.queued = Map.copyOf(queuedHandlers);
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
        return java.util.stream.Stream.concat(handlers.keySet().stream(), queued.keySet().stream())
                .map(filters).toArray(String[]::new);
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
            while (unacknowledged.get() > 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "could not unsubscribe cleanly: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (unacknowledged.get() > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} messages still unacknowledged when leaving", unacknowledged.get());
        }
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
        if (message.getQos() > 0) {
            unacknowledged.incrementAndGet(); // ack() counts it down, whichever way the message ends
        }
        Optional<Topics.TopicAddress> address = Topics.parse(topic);
        Handler handler = address.map(a -> handlers.get(a.channel())).orElse(null);
        Queued queue = address.map(a -> queued.get(a.channel())).orElse(null);
        if (handler == null && queue == null) {
            ack(message);
            return;
        }
        if (address.get().channel() == Channel.TAP && !rateLimit.tryAcquire(address.get().kiosk().kioskId())) {
            invalid.record(address.get().kiosk().kioskId(), topic, KioskRateLimit.exceeded());
            ack(message);
            return;
        }
        byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
        Inbound inbound = new Inbound(topic, address.get(), message.getPayload().clone(), message.isRetained(), received,
                correlation);
        if (queue != null) {
            queue.accept(inbound, new Delivery(queue, inbound, message, 1));
        } else {
            submit(() -> handle(handler, inbound, message, 1));
        }
    }

    /** One attempt at a queued message: acknowledges it, or offers it again later, never both. */
    private final class Delivery implements Completion {
        private final Queued queue;
        private final Inbound inbound;
        private final MqttMessage message;
        private final int attempt;

        Delivery(Queued queue, Inbound inbound, MqttMessage message, int attempt) {
            this.queue = queue;
            this.inbound = inbound;
            this.message = message;
            this.attempt = attempt;
        }

        @Override
        public void handled() {
            ack(message);
        }

        @Override
        public void invalid(InvalidInbound why) {
            invalid.record(inbound.address().kiosk().kioskId(), inbound.topic(), why);
            ack(message);
        }

        @Override
        public void failed(Throwable why) {
            later(inbound.topic(), attempt, why,
                    () -> queue.accept(inbound, new Delivery(queue, inbound, message, attempt + 1)));
        }
    }

    private void submit(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.log(System.Logger.Level.DEBUG, "hub stopping: a message is left for the broker to redeliver");
        }
    }

    private void handle(Handler handler, Inbound inbound, MqttMessage message, int attempt) {
        try {
            handler.handle(inbound);
        } catch (InvalidInbound e) {
            invalid.record(inbound.address().kiosk().kioskId(), inbound.topic(), e);
        } catch (Exception | Error e) {
            retryLater(handler, inbound, message, attempt, e);
            return;
        }
        ack(message);
    }

    /** Not acknowledged: tried again on the executor after a pause (100 ms doubling to 5 s), never blocking it. */
    private void retryLater(Handler handler, Inbound inbound, MqttMessage message, int attempt, Throwable why) {
        later(inbound.topic(), attempt, why, () -> submit(() -> handle(handler, inbound, message, attempt + 1)));
    }

    private void later(String topic, int attempt, Throwable why, Runnable again) {
        long delayMs = Math.min(5_000, 100L << Math.min(attempt - 1, 6));
        LOG.log(attempt == 1 ? System.Logger.Level.ERROR : System.Logger.Level.WARNING,
                "failed to handle a message on " + topic + " (attempt " + attempt + "), not acknowledged,"
                        + " trying again in " + delayMs + " ms", why);
        try {
            retries.schedule(again, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.log(System.Logger.Level.DEBUG, "hub stopping: {0} left for the broker to redeliver", topic);
        }
    }

    private void ack(MqttMessage message) {
        if (message.getQos() == 0) {
            return;
        }
        unacknowledged.decrementAndGet();
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot acknowledge message {0}: {1}", message.getId(), e.getMessage());
        }
    }

    /** Disconnects politely, then forcibly, then releases Paho's threads (it leaks them otherwise). */
    @Override
    public void close() {
        if (endSessionOnClose) {
            leave(3_000);
        }
        retries.shutdownNow();
        try {
            if (client.isConnected()) {
                MqttProperties end = new MqttProperties();
                if (endSessionOnClose) {
                    end.setSessionExpiryInterval(0L);
                }
                client.disconnect(2_000, null, null, 0, end).waitForCompletion(3_000);
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
