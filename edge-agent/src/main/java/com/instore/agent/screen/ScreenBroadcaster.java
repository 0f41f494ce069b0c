package com.instore.agent.screen;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Holds the current screen state and the page's settings, and hands every change to each open page. Thread-safe:
 * {@link #show} and {@link #settings} never block (each subscriber has its own queue, drained by that subscriber's own
 * request thread).
 */
public final class ScreenBroadcaster implements Display, AutoCloseable {
    private static final PageEvent CLOSED = new PageEvent("closed", null);
    /** Tells a page to reload itself once the screen server is back; its stream then ends. */
    private static final PageEvent RESTART = new PageEvent("restart", java.util.Map.of());

    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private volatile ScreenState current = ScreenState.attract();
    private volatile Object settings;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();

    /** What one page is sent: {@code screen} (a {@link ScreenState}), {@code settings} or {@code restart}. */
    record PageEvent(String name, Object data) {
    }

    @Override
    public void show(ScreenState state) {
        synchronized (this) {
            current = state;
            subscribers.forEach(s -> s.queue.offer(new PageEvent("screen", state)));
        }
    }

    /** The page's settings (theme, language, offers per screen), sent as JSON to every page now and to each new one. */
    public void settings(Object pageSettings) {
        synchronized (this) {
            settings = pageSettings;
            subscribers.forEach(s -> s.queue.offer(new PageEvent("settings", pageSettings)));
        }
    }

    public ScreenState current() {
        return current;
    }

    /** A new subscription that first receives the current state, then the settings (when there are any). */
    Subscription subscribe() {
        Subscription subscription = new Subscription();
        synchronized (this) {
            subscription.queue.offer(closed ? CLOSED : new PageEvent("screen", current));
            if (settings != null) {
                subscription.queue.offer(new PageEvent("settings", settings));
            }
            subscribers.add(subscription);
        }
        opened.incrementAndGet();
        return subscription;
    }

    /** How many page subscriptions were ever opened (a page that reloads opens a new one). */
    public long subscriptionsOpened() {
        return opened.get();
    }

    /**
     * A passing event for every open page (not kept for pages that open later), e.g. {@code identify} with who the
     * kiosk is.
     *
     * @return how many pages it was sent to
     */
    public int announce(String name, Object data) {
        synchronized (this) {
            subscribers.forEach(s -> s.queue.offer(new PageEvent(name, data)));
            return subscribers.size();
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Tells every open page to reload itself and ends their streams; new pages may subscribe at once. */
    public void restartPages() {
        synchronized (this) {
            subscribers.forEach(s -> s.queue.offer(RESTART));
        }
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
        private final BlockingQueue<PageEvent> queue = new LinkedBlockingQueue<>();

        /**
         * Waits up to {@code timeout} for the next event; empty when none came (time for a heartbeat). A {@code restart}
         * event is the last one: the stream ends after sending it.
         *
         * @throws InterruptedException when the thread is interrupted
         * @throws IllegalStateException when the broadcaster closed
         */
        Optional<PageEvent> next(Duration timeout) throws InterruptedException {
            PageEvent event = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == CLOSED) {
                throw new IllegalStateException("screen closed");
            }
            return Optional.ofNullable(event);
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
