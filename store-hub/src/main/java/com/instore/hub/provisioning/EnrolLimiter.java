package com.instore.hub.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds enrolment attempts per client address (a sliding minute) and in total (ten times that), so that guessing a
 * 50-bit code over the network is hopeless. Thread-safe.
 */
final class EnrolLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String ALL = "*";

    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private final int perClient;
    private final Clock clock;

    EnrolLimiter(int perClient, Clock clock) {
        this.perClient = perClient;
        this.clock = clock;
    }

    /** Counts an attempt from {@code client}; false when it is over the limit (and then not counted). */
    boolean tryAcquire(String client) {
        Instant now = clock.instant();
        synchronized (this) {
            if (attempts.size() > 10_000) {
                attempts.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(now.minus(WINDOW)));
            }
            Deque<Instant> mine = window(client, now);
            Deque<Instant> all = window(ALL, now);
            if (mine.size() >= perClient || all.size() >= perClient * 10) {
                return false;
            }
            mine.addLast(now);
            all.addLast(now);
            return true;
        }
    }

    private Deque<Instant> window(String key, Instant now) {
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.pollFirst();
        }
        return times;
    }
}
