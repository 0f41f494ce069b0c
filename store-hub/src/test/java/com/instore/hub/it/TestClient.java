package com.instore.hub.it;

import com.instore.hub.mqtt.NoDelaySocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A real Paho v5 async client playing a kiosk or the monitor; received messages queue up for the test. */
final class TestClient implements AutoCloseable {
    final MqttAsyncClient client;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    record Received(String topic, MqttMessage message) {
        String text() {
            return new String(message.getPayload(), StandardCharsets.UTF_8);
        }
    }

    private TestClient(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects or throws the CONNACK failure as an MqttException (its reason code is the CONNACK reason). */
    static TestClient connect(int port, String clientId, String user, String password, String willTopic, byte[] will)
            throws MqttException {
        MqttAsyncClient paho = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        TestClient test = new TestClient(paho);
        paho.setCallback(test.new Callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (user != null) {
            options.setUserName(user);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setSocketFactory(new NoDelaySocketFactory());
        if (willTopic != null) {
            options.setWill(willTopic, new MqttMessage(will, 1, true, new MqttProperties()));
        }
        try {
            paho.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            test.close();
            throw e;
        }
        return test;
    }

    static TestClient connect(int port, String clientId, String user, String password) throws MqttException {
        return connect(port, clientId, user, password, null, null);
    }

    /** Subscribes at QoS 1 and returns the SUBACK reason codes. */
    int[] subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1);
        token.waitForCompletion(10_000);
        return token.getReasonCodes();
    }

    /**
     * The PUBACK reason code of a tap the hub took: the embedded broker hands taps to the hub in-process, not to a
     * subscriber, so it answers "no matching subscribers" (0x10, a success code) unless someone else (a monitor) listens.
     */
    static final int TAKEN_IN_PROCESS = 16;

    /** Publishes and returns the PUBACK reason codes (135 = not authorized). */
    int[] publish(String topic, byte[] payload, boolean retained) throws MqttException {
        IMqttToken token = client.publish(topic, new MqttMessage(payload, 1, retained, new MqttProperties()));
        try {
            token.waitForCompletion(10_000);
        } catch (MqttException e) {
            if (token.getReasonCodes() == null) {
                throw e;
            }
        }
        return token.getReasonCodes();
    }

    /** Publishes at QoS 1 (not retained) and returns at once; the token completes at the PUBACK. */
    IMqttToken publishWithoutWaiting(String topic, byte[] payload) throws MqttException {
        return client.publish(topic, new MqttMessage(payload, 1, false, new MqttProperties()));
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException ignored) {
            // already gone
        }
        try {
            client.disconnectForcibly(0, 500, false);
        } catch (MqttException ignored) {
            // already gone
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // already closed
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, message));
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
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
