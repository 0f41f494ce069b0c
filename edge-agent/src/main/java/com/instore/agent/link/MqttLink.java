package com.instore.agent.link;

import com.instore.protocol.Channel;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.PrintJob;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kiosk's MQTT 5 link over Paho. All state lives on one scheduled thread ("mqtt-link"): Paho callbacks only hand
 * events to it. Reconnects are ours (full-jitter backoff, {@link Backoff}); on every connect the retained ONLINE status
 * is published, the kiosk's topics subscribed again, and (after the screen topic's SUBACK) unanswered taps sent in
 * order, never more at once than the broker's receive maximum. A tap leaves {@link PendingTaps} once both the hub's
 * answer (its {@code ScreenUpdate}) and the broker's PUBACK have come; accepted taps whose answer is overdue are sent
 * again (checked every few seconds).
 */
public final class MqttLink implements KioskLink {
    private static final Logger LOG = Logger.getLogger(MqttLink.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    /** How often accepted taps are checked for an overdue answer. */
    private static final Duration RESEND_CHECK = Duration.ofSeconds(5);

    private final LinkConfig config;
    private final byte[] password;
    private final StatusSource status;
    private final PendingTaps pending;
    private final MessageCodec codec;
    private final LinkMetrics metrics;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mqtt-link").daemon().factory());
    private final Executor executor = this::runOnLinkThread;
    private final Backoff backoff;
    private final Publisher publisher;
    private final Inbound inbound;
    private final ConnectTrouble trouble = new ConnectTrouble(System::nanoTime);
    private LinkListener listener;
    private Connection connection;
    private int generation;
    private boolean everConnected;
    private boolean closing;
    private volatile boolean connected;
    private volatile boolean announced = true;

    private MqttLink(LinkConfig config, byte[] password, StatusSource status, PendingTaps pending, MessageCodec codec,
                     MeterRegistry registry) {
        this.config = config;
        this.password = password;
        this.status = status;
        this.pending = pending;
        this.codec = codec;
        this.metrics = new LinkMetrics(registry, this::connected, pending);
        this.backoff = new Backoff(new Random(), config.reconnectBase(), config.reconnectCap());
        this.publisher = new Publisher(executor, pending, metrics, codec, config.kiosk().topic(Channel.TAP));
        this.inbound = new Inbound(codec, metrics);
    }

    /**
     * Creates a link; nothing connects before {@link #start}.
     *
     * @throws IllegalStateException naming the path when the password file cannot be read
     */
    public static MqttLink create(LinkConfig config, StatusSource status, PendingTaps pending, MessageCodec codec,
                                  MeterRegistry registry) {
        return new MqttLink(config, PasswordFile.read(config.passwordFile()), status, pending, codec, registry);
    }

    @Override
    public void start(LinkListener listener) {
        executor.execute(() -> {
            this.listener = listener;
            connect();
        });
        thread.scheduleWithFixedDelay(this::resendOverdue, RESEND_CHECK.toMillis(), RESEND_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void resendOverdue() {
        if (!connected || closing) {
            return;
        }
        int again = pending.resendOverdue();
        if (again > 0) {
            metrics.resent(again);
            LOG.info(again + " taps accepted by the broker got no answer from the hub in time: sending them again");
            publisher.drain();
        }
    }

    /**
     * Keeps the tap in {@link PendingTaps} on the caller's thread (blocks for one disk write: the tap is on disk when this
     * returns, before its first publish), then, on the link's thread, tells the listener whether it was kept and sends it
     * when the window has room.
     */
    @Override
    public void sendTap(TapEvent tap) {
        // Kept on the caller's thread: the tap is on disk before the reader (or POST /simulate/tap) hears back, so a
        // kiosk killed right after a tap was acknowledged still has it (found by FaultInjectionIT).
        try {
            pending.add(tap);
        } catch (TapRefusedException e) {
            executor.execute(() -> {
                LOG.warning("tap " + tap.id() + " refused: " + e.getMessage());
                if (listener != null) {
                    listener.onTapRefused(tap.id(), e.getMessage());
                }
            });
            return;
        }
        executor.execute(() -> {
            if (listener != null) {
                listener.onTapKept(tap.id(), connected);
            }
            publisher.drain();
        });
    }

    /** Runs {@code task} on the link's thread: a heartbeat that only beats while that thread is not stuck. */
    public void ping(Runnable task) {
        executor.execute(task);
    }

    @Override
    public void statusChanged() {
        executor.execute(() -> {
            if (connected && announced) {
                publisher.publishStatus(config.kiosk().topic(Channel.STATUS), codec.encode(status.online()));
            }
        });
    }

    /**
     * Connects without saying ONLINE until {@link #announce}, for a kiosk whose link starts before its screen serves:
     * until then the retained status stays what the last run left (its Will's OFFLINE). Call before {@link #start}.
     */
    public void announceLater() {
        announced = false;
    }

    /** Says ONLINE from now on: at once when connected, else at connect. */
    public void announce() {
        announced = true;
        statusChanged();
    }

    /**
     * Publishes a message of this kiosk's own (a config report, a command result) at QoS 1 from the link's thread;
     * dropped (and logged) when the link is down or its window full. Returns at once.
     */
    public void publish(String topic, byte[] payload, boolean retained, byte[] correlationData) {
        executor.execute(() -> {
            if (!publisher.publishOther(new Connection.Outgoing(topic, payload, retained, correlationData))) {
                LOG.info("not sent now (link down or busy): a message for " + topic);
            }
        });
    }

    @Override
    public boolean connected() {
        return connected;
    }

    /** Why the link is not connected, as last seen (e.g. the broker refused the password); empty while connected. */
    public Optional<String> problem() {
        return trouble.problem();
    }

    private void connect() {
        if (closing) {
            return;
        }
        int gen = ++generation;
        try {
            connection = new Connection(config, new PahoEvents(executor, cause -> lost(gen, cause),
                    this::arrived));
            Connection.Outgoing will = new Connection.Outgoing(config.kiosk().topic(Channel.STATUS),
                    codec.encode(status.offline()), true);
            connection.connect(config, password, will, new ActionListener(executor, token -> connected(gen, token),
                    (token, cause) -> lost(gen, cause)));
        } catch (MqttException | RuntimeException e) {
            lost(gen, e);
        }
    }

    private void connected(int gen, IMqttToken token) {
        if (gen != generation || connection == null || closing) {
            return;
        }
        connected = true;
        backoff.reset();
        metrics.connected(everConnected);
        everConnected = true;
        Integer receiveMaximum = token.getResponseProperties() == null ? null
                : token.getResponseProperties().getReceiveMaximum();
        publisher.connected(connection, gen, receiveMaximum == null ? config.maxInFlight()
                : Math.min(config.maxInFlight(), receiveMaximum), false);
        String after = trouble.connected().map(words -> ", " + words).orElse("");
        LOG.info(() -> "MQTT link up: " + config.clientId() + " at " + config.uri() + " (session present: "
                + token.getSessionPresent() + ")" + after);
        // Even with a session present: a kiosk killed between CONNACK and SUBACK left a session without subscriptions,
        // whose answers would never come (found by OutboxDurabilityIT once taps waited for their answers).
        subscribe(gen);
        if (announced) {
            publisher.publishStatus(config.kiosk().topic(Channel.STATUS), codec.encode(status.online()));
        }
        publisher.drain();
    }

    /**
     * Subscribes the hub-to-kiosk channels (again: retained messages come only for a subscription the session did not
     * have). Taps wait for the screen topic's SUBACK: a tap sent before it could be answered before the broker routes
     * answers to us, and would wait for its resend (found by OutboxDrainIT).
     */
    private void subscribe(int gen) {
        for (Channel channel : List.of(Channel.SCREEN, Channel.PRINT, Channel.CONFIG_DESIRED, Channel.COMMAND)) {
            try {
                connection.subscribe(config.kiosk().topic(channel), new ActionListener(executor, token -> {
                    if (ActionListener.refused(token)) {
                        LOG.warning("the broker refused the subscription to " + config.kiosk().topic(channel));
                    }
                    if (channel == Channel.SCREEN) {
                        publisher.openTaps(gen);
                    }
                }, (token, cause) -> {
                    LOG.log(Level.FINE, "subscribe failed", cause);
                    if (channel == Channel.SCREEN) {
                        publisher.openTaps(gen); // never stuck: unanswered taps are sent again in time
                    }
                }));
            } catch (MqttException e) {
                lost(gen, e);
                return;
            }
        }
    }

    private void lost(int gen, Throwable cause) {
        if (gen != generation || connection == null) {
            return;
        }
        boolean wasConnected = connected;
        connected = false;
        if (wasConnected) {
            backoff.dropped();
        }
        publisher.disconnected();
        Connection old = connection;
        connection = null;
        old.close(Duration.ZERO);
        if (closing) {
            return;
        }
        Duration delay = backoff.next();
        metrics.connectFailed();
        String retry = ", retrying in " + delay.toMillis() + " ms";
        trouble.failed(cause).ifPresentOrElse(warning -> LOG.warning(warning + retry),
                () -> LOG.fine(() -> "MQTT link down (" + cause + ")" + retry));
        thread.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void arrived(String topic, byte[] payload, MqttProperties properties) {
        if (listener == null) {
            return;
        }
        if (topic.equals(config.kiosk().topic(Channel.CONFIG_DESIRED))) {
            listener.onDesiredConfig(payload);
        } else if (topic.equals(config.kiosk().topic(Channel.COMMAND))) {
            listener.onCommand(payload, properties.getResponseTopic(), properties.getCorrelationData());
        } else if (topic.equals(config.kiosk().topic(Channel.PRINT))) {
            Optional.ofNullable(inbound.decode(payload, PrintJob.class)).ifPresent(listener::onPrintJob);
        } else {
            ScreenUpdate update = inbound.decode(payload, ScreenUpdate.class);
            if (update != null) {
                // The hub's answer, with the broker's PUBACK, is the tap's end-to-end acknowledgement (PendingTaps).
                pending.answered(update.tapId());
                publisher.drain();
                listener.onScreenUpdate(update);
            }
        }
    }

    @Override
    public void close() {
        try {
            thread.submit(this::shutdown).get(CLOSE_WAIT.toSeconds() * 3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.log(Level.WARNING, "MQTT link did not close cleanly", e);
        } finally {
            thread.shutdownNow();
            metrics.close();
        }
    }

    private void shutdown() {
        closing = true;
        if (connection == null) {
            return;
        }
        if (connected) {
            publisher.goodbye(config.kiosk().topic(Channel.STATUS), codec.encode(status.offline()), CLOSE_WAIT);
        }
        connected = false;
        connection.close(CLOSE_WAIT);
        connection = null;
    }

    private void runOnLinkThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // Late Paho callbacks after close: nothing is left to update.
        }
    }
}
