package com.instore.agent.link;

import com.instore.protocol.MessageCodec;
import com.instore.protocol.TapEvent;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Our publish windows: at most {@code window} QoS 1 publishes await their PUBACK at once (Paho throws "too many publishes
 * in progress" past the broker's receive maximum), and at most {@link #ANSWER_WINDOW} taps await the hub's answer (a
 * kiosk draining a long outage never floods the hub, nor has more than that to send again if the broker dies). Taps wait
 * in {@link PendingTaps} for a free slot and leave it only when answered. Not thread-safe: used on the link's thread only.
 */
final class Publisher {
    private static final Logger LOG = Logger.getLogger(Publisher.class.getName());
    /** Taps sent and not yet answered, at most: within the hub's per-kiosk burst (500), well above a shopper's pace. */
    static final int ANSWER_WINDOW = 200;

    private final Executor executor;
    private final PendingTaps pending;
    private final LinkMetrics metrics;
    private final MessageCodec codec;
    private final String tapTopic;
    private Connection connection;
    private int generation;
    private int window;
    private int inFlight;
    /** False from a connect without a session until the screen topic's SUBACK: an answer must find its subscriber. */
    private boolean tapsOpen;
    /** The latest status that found the window full: it goes out before the next tap. */
    private Connection.Outgoing pendingStatus;

    Publisher(Executor executor, PendingTaps pending, LinkMetrics metrics, MessageCodec codec, String tapTopic) {
        this.executor = executor;
        this.pending = pending;
        this.metrics = metrics;
        this.codec = codec;
        this.tapTopic = tapTopic;
    }

    /** A new connection; taps go out at once when {@code tapsOpen}, else after {@link #openTaps}. */
    void connected(Connection connection, int generation, int window, boolean tapsOpen) {
        this.connection = connection;
        this.generation = generation;
        this.window = Math.max(1, window);
        this.inFlight = 0;
        this.tapsOpen = tapsOpen;
    }

    /** The kiosk now hears its answers (the screen subscription is in place): taps may go out. */
    void openTaps(int gen) {
        if (gen == generation && connection != null) {
            tapsOpen = true;
            drain();
        }
    }

    /** The connection is gone: whatever was in flight is sent again on the next one. */
    void disconnected() {
        connection = null;
        inFlight = 0;
        pendingStatus = null; // every connect publishes the current status anyway
        pending.requeueAll();
    }

    /** Sends unsent taps, oldest first, while the window has room. */
    void drain() {
        if (pendingStatus != null && connection != null && inFlight < window) {
            Connection.Outgoing status = pendingStatus;
            pendingStatus = null;
            sendStatus(status);
        }
        while (connection != null && tapsOpen && inFlight < window && pending.awaitingAnswer() < ANSWER_WINDOW) {
            Optional<TapEvent> next = pending.takeNext();
            if (next.isEmpty()) {
                return;
            }
            String tapId = next.get().id();
            int gen = generation;
            if (!send(new Connection.Outgoing(tapTopic, codec.encode(next.get()), false), new ActionListener(executor,
                    token -> tapDone(gen, tapId, token), (token, cause) -> tapFailed(gen, tapId, cause)))) {
                pending.requeue(tapId);
                return;
            }
        }
    }

    /**
     * Publishes a retained status now when the window has room (it always has right after a connect), otherwise as soon
     * as a slot frees up (a newer status replaces one still waiting). Ignored while disconnected.
     */
    void publishStatus(String topic, byte[] payload) {
        if (connection == null) {
            return;
        }
        Connection.Outgoing status = new Connection.Outgoing(topic, payload, true);
        if (inFlight >= window) {
            pendingStatus = status;
            return;
        }
        sendStatus(status);
    }

    /**
     * Publishes a report or a command result now when the window has room; false (not sent) when disconnected or full,
     * the caller decides whether it matters (a retained report is sent again on the next desired configuration).
     */
    boolean publishOther(Connection.Outgoing message) {
        if (connection == null || inFlight >= window) {
            return false;
        }
        int gen = generation;
        return send(message, new ActionListener(executor, token -> slotFreed(gen), (token, cause) -> slotFreed(gen)));
    }

    private void sendStatus(Connection.Outgoing status) {
        int gen = generation;
        send(status, new ActionListener(executor, token -> slotFreed(gen), (token, cause) -> slotFreed(gen)));
    }

    /** Publishes the OFFLINE status before a clean disconnect and waits for its PUBACK, up to {@code wait}. */
    void goodbye(String topic, byte[] payload, Duration wait) {
        try {
            IMqttToken token = connection.publish(new Connection.Outgoing(topic, payload, true), null);
            token.waitForCompletion(wait.toMillis());
        } catch (MqttException | RuntimeException e) {
            LOG.log(Level.FINE, "could not say goodbye", e);
        }
    }

    private boolean send(Connection.Outgoing message, ActionListener listener) {
        try {
            inFlight++;
            connection.publish(message, listener);
            return true;
        } catch (MqttException e) {
            inFlight--;
            metrics.publishRejected();
            LOG.log(Level.FINE, "publish not taken now", e);
            return false;
        }
    }

    private void tapDone(int gen, String tapId, IMqttToken token) {
        if (ActionListener.refused(token)) {
            // Parked in flight until the next connection: retrying at once would only be refused again.
            metrics.refused();
            LOG.warning("the broker refused tap " + tapId + " (reason codes "
                    + java.util.Arrays.toString(token.getReasonCodes()) + "); kept for the next connection");
        } else {
            pending.acknowledged(tapId);
            metrics.delivered();
        }
        slotFreed(gen);
    }

    private void tapFailed(int gen, String tapId, Throwable cause) {
        if (gen == generation && connection != null) {
            LOG.log(Level.FINE, "publish of tap " + tapId + " failed", cause);
            pending.requeue(tapId);
            inFlight--;
        }
    }

    private void slotFreed(int gen) {
        if (gen == generation && connection != null) {
            inFlight--;
            drain();
        }
    }
}
