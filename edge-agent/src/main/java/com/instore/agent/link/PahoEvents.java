package com.instore.agent.link;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Paho's callbacks for one connection, each handed to the link's own executor at once: nothing blocks or publishes on a
 * Paho thread (that deadlocks the client).
 */
final class PahoEvents implements MqttCallback {
    private final Executor executor;
    private final Consumer<Throwable> lost;
    private final Arrival arrived;

    /** A message for the link's thread, with its MQTT 5 properties (response topic, correlation data). */
    @FunctionalInterface
    interface Arrival {
        void accept(String topic, byte[] payload, MqttProperties properties);
    }

    PahoEvents(Executor executor, Consumer<Throwable> lost, Arrival arrived) {
        this.executor = executor;
        this.lost = lost;
        this.arrived = arrived;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        Throwable cause = response.getException() != null ? response.getException()
                : new IllegalStateException("broker disconnected: reason " + response.getReturnCode() + " "
                + response.getReasonString());
        executor.execute(() -> lost.accept(cause));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        executor.execute(() -> lost.accept(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        MqttProperties properties = message.getProperties() == null ? new MqttProperties() : message.getProperties();
        executor.execute(() -> arrived.accept(topic, payload, properties));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Completion is handled per publish through its action listener.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // Handled by the connect token's listener, which also carries the CONNACK properties.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }
}
