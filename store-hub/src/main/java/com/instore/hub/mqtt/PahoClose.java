package com.instore.hub.mqtt;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Closing a Paho 1.2.5 client without leaking its threads: a polite DISCONNECT (with {@code properties}, e.g. a session
 * expiry of 0 to end the session), then a forced one, then {@code close}. Each step is tried whatever the previous did.
 * Blocking, for at most about {@code 2.5 x timeoutMs}.
 */
public final class PahoClose {
    private static final System.Logger LOG = System.getLogger(PahoClose.class.getName());

    private PahoClose() {
    }

    public static void close(MqttAsyncClient client, MqttProperties properties, long timeoutMs) {
        try {
            if (client.isConnected()) {
                client.disconnect(timeoutMs, null, null, 0, properties).waitForCompletion(timeoutMs + 1_000);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "polite disconnect failed: {0}", e.getMessage());
        }
        try {
            client.disconnectForcibly(0, timeoutMs / 2, false);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.TRACE, "already disconnected: {0}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed: {0}", e.getMessage());
        }
    }
}
