package com.instore.agent.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Full-jitter exponential backoff: the n-th delay is uniform in [0, min(cap, base * 2^n)], so that a store full of kiosks
 * does not reconnect in lock step after the hub restarts. After an established connection drops, the first delay is
 * already drawn from [0, 4 * base] ({@link #dropped()}): when a hub or switch blip cuts 200 kiosks at once, their
 * reconnects spread over a second rather than a quarter of one. Not thread-safe (used on the link's thread).
 */
final class Backoff {
    static final Duration DEFAULT_BASE = Duration.ofMillis(250);
    static final Duration DEFAULT_CAP = Duration.ofSeconds(10);
    private static final int FIRST_AFTER_DROP = 2;

    private final RandomGenerator random;
    private final long baseMillis;
    private final long capMillis;
    private int attempt;

    Backoff(RandomGenerator random) {
        this(random, DEFAULT_BASE, DEFAULT_CAP);
    }

    Backoff(RandomGenerator random, Duration base, Duration cap) {
        this.random = random;
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
    }

    /** The delay before the next attempt. */
    Duration next() {
        long ceiling = ceilingMillis(attempt);
        attempt = Math.min(attempt + 1, 30);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** Called after a successful connect. */
    void reset() {
        attempt = 0;
    }

    /** Called when an established connection drops, before {@link #next()}. */
    void dropped() {
        attempt = Math.max(attempt, FIRST_AFTER_DROP);
    }

    /** The upper bound of the delay of attempt {@code n} (0-based). */
    long ceilingMillis(int n) {
        long exponential = baseMillis << Math.min(n, 20);
        return Math.min(capMillis, exponential);
    }
}
