package com.instore.hub.external;

import com.instore.hub.mqtt.PahoClose;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import javax.net.SocketFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * A second, session-less MQTT connection of the hub to an external broker, for control traffic that is not kiosk traffic:
 * Mosquitto's dynamic-security commands and the hub instances' presence. Carries a Will (the instance's "offline"), so a
 * killed hub is noticed by its peers at once. Handlers run on the client's own single thread, never on Paho's.
 * Thread-safe; {@link #publish} never blocks.
 */
final class SideClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SideClient.class.getName());

    private final MqttAsyncClient client;
    private final Map<String, BiConsumer<String, byte[]>> handlers = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("hub-mqtt-side").daemon().factory());

    private SideClient(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects (blocking, up to 10 s) with {@code will} published retained by the broker if this connection dies. */
    static SideClient connect(String uri, String clientId, String username, byte[] password, SocketFactory sockets,
                              String willTopic, byte[] willPayload) throws MqttException {
        SideClient side = new SideClient(new MqttAsyncClient(uri, clientId, new MemoryPersistence()));
        side.client.setCallback(side.new Callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password);
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(true);
        options.setKeepAliveInterval(10);
        options.setSocketFactory(sockets);
        options.setWill(willTopic, new MqttMessage(willPayload, 1, true, new MqttProperties()));
        side.client.connect(options).waitForCompletion(10_000);
        return side;
    }

    /** Subscribes {@code filter} (QoS 1), blocking until the broker granted it; throws when it refused. */
    void subscribe(String filter, BiConsumer<String, byte[]> handler) throws MqttException {
        handlers.put(filter, handler);
        IMqttToken token = client.subscribe(filter, 1);
        token.waitForCompletion(10_000);
        int granted = token.getReasonCodes() == null ? 0 : token.getReasonCodes()[0];
        if (granted > 2) {
            throw new MqttException(granted);
        }
    }

    /** Waits (up to {@code timeoutMs}) until the connection is up again after the broker dropped it. */
    void awaitConnected(long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (!client.isConnected() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        Thread.sleep(100); // the resubscription after reconnect runs on our executor
    }

    /** Publishes at QoS 1 without waiting; false (logged) when Paho refuses it. */
    boolean publish(String topic, byte[] payload, boolean retained) {
        try {
            client.publish(topic, new MqttMessage(payload, 1, retained, new MqttProperties()));
            return true;
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot publish to {0}: {1}", topic, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        PahoClose.close(client, new MqttProperties(), 1_000);
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload().clone();
            handlers.forEach((filter, handler) -> {
                if (org.eclipse.paho.mqttv5.common.util.MqttTopicValidator.isMatched(filter, topic)) {
                    executor.execute(() -> handler.accept(topic, payload));
                }
            });
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                handlers.keySet().forEach(filter -> executor.execute(() -> resubscribe(filter)));
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.log(System.Logger.Level.WARNING, "hub control connection lost: {0}", response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    private void resubscribe(String filter) {
        try {
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot resubscribe {0}: {1}", filter, e.getMessage());
        }
    }
}
