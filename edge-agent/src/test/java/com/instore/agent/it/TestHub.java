package com.instore.agent.it;

import com.instore.protocol.Channel;
import com.instore.protocol.Command;
import com.instore.protocol.CommandResult;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.MemberProgress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.Offer;
import com.instore.protocol.PrintJob;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays the store hub over a real Paho client: records the kiosk's taps and statuses, answers taps with correlated
 * {@link ScreenUpdate}s (QoS 1, message expiry 5 s, correlation data = tap id), as the real hub does.
 */
final class TestHub implements AutoCloseable {
    private final MessageCodec codec = new MessageCodec();
    private final KioskAddress kiosk;
    private final MqttAsyncClient client;
    private final BlockingQueue<TapEvent> taps = new LinkedBlockingQueue<>();
    private final List<KioskStatus> statuses = new CopyOnWriteArrayList<>();
    private final BlockingQueue<CommandResult> results = new LinkedBlockingQueue<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ExecutorService answerer = Executors.newSingleThreadExecutor();
    private volatile boolean autoAnswer;
    private volatile boolean keepAnswered;

    TestHub(String brokerUri, KioskAddress kiosk) throws MqttException {
        this.kiosk = kiosk;
        client = new MqttAsyncClient(brokerUri, "hub-" + kiosk.storeId() + "-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new Callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("hub");
        options.setPassword("hub".getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setSocketFactory(new NoDelay());
        client.connect(options).waitForCompletion(10_000);
        IMqttToken subscribed = client.subscribe(new MqttSubscription[] {
                new MqttSubscription(kiosk.topic(Channel.TAP), 1), new MqttSubscription(kiosk.topic(Channel.STATUS), 1),
                new MqttSubscription(kiosk.topic(Channel.COMMAND_RESULT), 1)});
        subscribed.waitForCompletion(10_000);
    }

    /** The next tap that arrived, waiting up to {@code timeout}; fails when none came. */
    TapEvent nextTap(Duration timeout) throws InterruptedException {
        TapEvent tap = taps.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (tap == null) {
            throw new AssertionError("no tap reached the hub within " + timeout);
        }
        return tap;
    }

    /** From now on every tap is answered at once with a member greeting (on the hub's own thread, not Paho's). */
    void autoAnswer() {
        autoAnswer = true;
    }

    /** As {@link #autoAnswer}, and every tap is still handed out by {@link #nextTap}. */
    void autoAnswerAndKeep() {
        keepAnswered = true;
        autoAnswer = true;
    }

    /** The id of every tap that reached the hub, answered or not. */
    Set<String> seenTapIds() {
        return seen;
    }

    List<KioskStatus> statuses() {
        return statuses;
    }

    void answerMember(String tapId, String greeting, List<Offer> offers) throws MqttException {
        answer(new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), kiosk.kioskId(), tapId,
                ScreenUpdate.Kind.MEMBER, greeting, new MemberProgress("GOLD", 1250, "250 points to Platinum"), offers,
                null));
    }

    void answerWelcome(String tapId) throws MqttException {
        answer(new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), kiosk.kioskId(), tapId,
                ScreenUpdate.Kind.WELCOME, "Welcome!", null, List.of(new Offer("w-1", "10% off your first visit", "")),
                "http://hub.local:8080/join"));
    }

    void answer(ScreenUpdate update) throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setCorrelationData(update.tapId().getBytes(StandardCharsets.UTF_8));
        properties.setMessageExpiryInterval(5L);
        client.publish(kiosk.topic(Channel.SCREEN), new MqttMessage(codec.encode(update), 1, false, properties))
                .waitForCompletion(10_000);
    }

    /** Publishes a print job as the hub does: QoS 1, message expiry 60 s. */
    void print(PrintJob job) throws MqttException {
        publishPrint(codec.encode(job));
    }

    /** Publishes any bytes on the kiosk's print channel (e.g. an invalid job). */
    void publishPrint(byte[] payload) throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(60L);
        client.publish(kiosk.topic(Channel.PRINT), new MqttMessage(payload, 1, false, properties))
                .waitForCompletion(10_000);
    }

    /** Publishes a desired configuration as the hub does: QoS 1, retained. */
    void pushConfig(KioskConfig config) throws MqttException {
        client.publish(kiosk.topic(Channel.CONFIG_DESIRED), new MqttMessage(codec.encode(config), 1, true,
                new MqttProperties())).waitForCompletion(10_000);
    }

    /** Sends a command (MQTT 5 request/response, as the hub does) and waits for its result; fails when none came. */
    CommandResult command(Command.Type type, Duration timeout) throws MqttException, InterruptedException {
        Command command = new Command(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(),
                kiosk.kioskId(), type, timeout.toMillis());
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(kiosk.topic(Channel.COMMAND_RESULT));
        properties.setCorrelationData(command.id().getBytes(StandardCharsets.UTF_8));
        client.publish(kiosk.topic(Channel.COMMAND), new MqttMessage(codec.encode(command), 1, false, properties))
                .waitForCompletion(10_000);
        long deadline = System.nanoTime() + timeout.plusSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            CommandResult result = results.poll(100, TimeUnit.MILLISECONDS);
            if (result != null && result.commandId().equals(command.id())) {
                return result;
            }
        }
        throw new AssertionError("no result for " + type + " within " + timeout);
    }

    /** The latest status the kiosk published, if any. */
    KioskStatus lastStatus() {
        return statuses.isEmpty() ? null : statuses.getLast();
    }

    /**
     * Answers on the answerer thread; when Paho has not yet freed the slot of the previous answer ("too many publishes in
     * progress" right after its PUBACK), tries again shortly, as a hub must: an answer lost here is a tap sent again.
     */
    private void answerQuietly(String tapId) {
        for (int attempt = 1; ; attempt++) {
            try {
                answerMember(tapId, "Hello Camille", List.of());
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt == 100) {
                    throw new IllegalStateException(e);
                }
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    @Override
    public void close() {
        answerer.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
            client.disconnectForcibly(0, 500, false);
        } catch (MqttException ignored) {
            // Already gone.
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // Nothing left to release.
        }
    }

    /** TCP_NODELAY like every MQTT socket of the system: without it an answer waits for Nagle. */
    private static final class NoDelay extends javax.net.SocketFactory {
        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            java.net.Socket socket = createSocket();
            socket.connect(new java.net.InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return createSocket(host.getHostAddress(), port);
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                if (topic.endsWith("/" + Channel.TAP.path())) {
                    TapEvent tap = codec.decode(message.getPayload(), TapEvent.class);
                    seen.add(tap.id());
                    if (autoAnswer) {
                        answerer.execute(() -> answerQuietly(tap.id()));
                    }
                    if (!autoAnswer || keepAnswered) {
                        taps.add(tap);
                    }
                } else if (topic.endsWith("/" + Channel.COMMAND_RESULT.path())) {
                    results.add(codec.decode(message.getPayload(), CommandResult.class));
                } else {
                    statuses.add(codec.decode(message.getPayload(), KioskStatus.class));
                }
            } catch (InvalidMessageException e) {
                throw new AssertionError("the kiosk sent an invalid message on " + topic, e);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
