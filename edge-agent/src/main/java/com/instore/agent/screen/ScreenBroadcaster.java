package com.instore.agent.screen;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Holds the current screen state and hands every change to each open page. Thread-safe: {@link #show} never blocks (each
 * subscriber has its own queue, drained by that subscriber's own request thread).
 */
public final class ScreenBroadcaster implements Display, AutoCloseable {
    private static final ScreenState CLOSED = ScreenState.attract();

    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private volatile ScreenState current = ScreenState.attract();
    private volatile boolean closed;

    @Override
    public void show(ScreenState state) {
        synchronized (this) {
            current = state;
            subscribers.forEach(s -> s.queue.offer(state));
        }
    }

    public ScreenState current() {
        return current;
    }

    /** A new subscription that first receives the current state. */
    Subscription subscribe() {
        Subscription subscription = new Subscription();
        synchronized (this) {
            subscription.queue.offer(closed ? CLOSED : current);
            subscribers.add(subscription);
        }
        return subscription;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Ends every subscription so that their request threads return. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            subscribers.forEach(s -> s.queue.offer(CLOSED));
        }
    }

    /** One open page. Used by one thread. */
    final class Subscription implements AutoCloseable {
        private final BlockingQueue<ScreenState> queue = new LinkedBlockingQueue<>();

        /**
         * Waits up to {@code timeout} for the next state; empty when none came (time for a heartbeat).
         *
         * @throws InterruptedException when the thread is interrupted
         * @throws IllegalStateException when the broadcaster closed
         */
        Optional<ScreenState> next(Duration timeout) throws InterruptedException {
            ScreenState state = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (state == CLOSED) {
                throw new IllegalStateException("screen closed");
            }
            return Optional.ofNullable(state);
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
