package com.instore.agent.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Heartbeats of the agent's working threads, for the watchdog: every second a beat is handed to each watched thread (the
 * MQTT link's thread, the tap pipeline's lock); a thread that is stuck stops beating, and after {@code maxSilence}
 * {@link #stalled()} names it, {@code /health} answers 503 DOWN and systemd's watchdog timer restarts the agent.
 * Thread-safe.
 */
public final class Liveness {
    static final Duration DEFAULT_MAX_SILENCE = Duration.ofSeconds(15);
    private static final long BEAT_EVERY_MILLIS = 1000;

    private final Map<String, AtomicLong> lastBeats = new ConcurrentHashMap<>();
    private final Duration maxSilence;
    private final LongSupplier nanoClock;

    Liveness(Duration maxSilence, LongSupplier nanoClock) {
        this.maxSilence = maxSilence;
        this.nanoClock = nanoClock;
    }

    public Liveness() {
        this(DEFAULT_MAX_SILENCE, System::nanoTime);
    }

    /**
     * Watches a thread: every second {@code runner} is given a beat to run on that thread (it must not block the
     * scheduler, e.g. it queues the beat on the thread's executor or runs it under a short lock).
     */
    public void watch(String name, Consumer<Runnable> runner, ScheduledExecutorService scheduler) {
        AtomicLong last = new AtomicLong(nanoClock.getAsLong());
        lastBeats.put(name, last);
        scheduler.scheduleWithFixedDelay(() -> runner.accept(() -> last.set(nanoClock.getAsLong())),
                0, BEAT_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The watched threads that have not beaten for longer than the allowed silence, by name. */
    public List<String> stalled() {
        long now = nanoClock.getAsLong();
        return lastBeats.entrySet().stream()
                .filter(e -> now - e.getValue().get() > maxSilence.toNanos())
                .map(Map.Entry::getKey).sorted().toList();
    }
}
