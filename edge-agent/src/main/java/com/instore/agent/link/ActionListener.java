package com.instore.agent.link;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A Paho action listener whose outcome runs on the link's executor, never on Paho's thread. */
final class ActionListener implements MqttActionListener {
    private final Executor executor;
    private final Consumer<IMqttToken> success;
    private final BiConsumer<IMqttToken, Throwable> failure;

    ActionListener(Executor executor, Consumer<IMqttToken> success, BiConsumer<IMqttToken, Throwable> failure) {
        this.executor = executor;
        this.success = success;
        this.failure = failure;
    }

    @Override
    public void onSuccess(IMqttToken token) {
        executor.execute(() -> success.accept(token));
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
        executor.execute(() -> failure.accept(token, exception));
    }

    /** Whether a completed token carries a refusal (MQTT 5 reason code 0x80 or above, e.g. 135 not authorized). */
    static boolean refused(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        if (codes == null) {
            return false;
        }
        for (int code : codes) {
            if (code >= 0x80) {
                return true;
            }
        }
        return false;
    }
}
