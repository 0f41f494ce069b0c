package com.instore.hub.mqtt;

import com.instore.protocol.Channel;
import com.instore.protocol.Topics;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiving side of the hub: routes each inbound message ({@link Arrival}, from the hub's MQTT connection or from the
 * embedded broker in-process) to its channel's handler and acknowledges it only when the handler is done with it: a
 * {@link HubClient.Handler} on the hub's executor, a {@link HubClient.Queued} one through its
 * {@link HubClient.Completion}. A message whose handler failed is offered again after a growing pause (100 ms doubling
 * to 5 s), unacknowledged until then; taps beyond a kiosk's rate limit are counted as invalid and acknowledged.
 * {@link #dispatch} runs on the transport's thread and never blocks. Thread-safe.
 */
public final class Dispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final ExecutorService executor;
    private final InvalidMessages invalid;
    private final KioskRateLimit rateLimit;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hub-mqtt-retry").daemon().factory());
    /** QoS 1 messages received and not yet acknowledged (being handled, or waiting for a retry). */
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private volatile Map<Channel, HubClient.Handler> handlers = Map.of();
    private volatile Map<Channel, HubClient.Queued> queued = Map.of();

    /** Runs {@link HubClient.Handler}s on {@code executor}; taps beyond {@code rateLimit} are dropped as invalid. */
    public Dispatcher(ExecutorService executor, InvalidMessages invalid, KioskRateLimit rateLimit) {
        this.executor = executor;
        this.invalid = invalid;
        this.rateLimit = rateLimit;
    }

    /** Which channel goes to which handler; messages on other channels are acknowledged and dropped. */
    public void handlers(Map<Channel, HubClient.Handler> channelHandlers, Map<Channel, HubClient.Queued> queuedHandlers) {
        this.handlers = Map.copyOf(channelHandlers);
        this.queued = Map.copyOf(queuedHandlers);
    }

    /** Every channel with a handler. */
    java.util.stream.Stream<Channel> channels() {
        return java.util.stream.Stream.concat(handlers.keySet().stream(), queued.keySet().stream());
    }

    int unacknowledged() {
        return unacknowledged.get();
    }

    /** Hands a message to its handler, or drops it; never blocks. */
    public void dispatch(Arrival message) {
        if (message.acknowledge() != null) {
            unacknowledged.incrementAndGet(); // ack() counts it down, whichever way the message ends
        }
        String topic = message.topic();
        Optional<Topics.TopicAddress> address = Topics.parse(topic);
        HubClient.Handler handler = address.map(a -> handlers.get(a.channel())).orElse(null);
        HubClient.Queued queue = address.map(a -> queued.get(a.channel())).orElse(null);
        if (handler == null && queue == null) {
            ack(message);
            return;
        }
        if (address.get().channel() == Channel.TAP && !rateLimit.tryAcquire(address.get().kiosk().kioskId())) {
            invalid.record(address.get().kiosk().kioskId(), topic, KioskRateLimit.exceeded());
            ack(message);
            return;
        }
        Inbound inbound = new Inbound(topic, address.get(), message.payload(), message.retained(),
                message.receivedNanos(), message.correlationData());
        if (queue != null) {
            queue.accept(inbound, new Delivery(queue, inbound, message, 1));
        } else {
            submit(() -> handle(handler, inbound, message, 1));
        }
    }

    /** One attempt at a queued message: acknowledges it, or offers it again later, never both. */
    private final class Delivery implements HubClient.Completion {
        private final HubClient.Queued queue;
        private final Inbound inbound;
        private final Arrival message;
        private final int attempt;

        Delivery(HubClient.Queued queue, Inbound inbound, Arrival message, int attempt) {
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

    private void handle(HubClient.Handler handler, Inbound inbound, Arrival message, int attempt) {
        try {
            handler.handle(inbound);
        } catch (InvalidInbound e) {
            invalid.record(inbound.address().kiosk().kioskId(), inbound.topic(), e);
        } catch (Exception | Error e) {
            later(inbound.topic(), attempt, e, () -> submit(() -> handle(handler, inbound, message, attempt + 1)));
            return;
        }
        ack(message);
    }

    /** Not acknowledged: {@code again} runs after a pause (100 ms doubling to 5 s), never blocking anyone. */
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

    private void ack(Arrival message) {
        if (message.acknowledge() == null) {
            return;
        }
        unacknowledged.decrementAndGet();
        try {
            message.acknowledge().run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot acknowledge a message on {0}: {1}", message.topic(), e.getMessage());
        }
    }

    /** Stops the retries; what waits for one is left for the broker to redeliver. */
    @Override
    public void close() {
        retries.shutdownNow();
    }
}
