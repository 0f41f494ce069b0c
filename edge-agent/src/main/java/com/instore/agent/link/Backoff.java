package com.instore.agent.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Full-jitter exponential backoff: the n-th delay is uniform in [0, min(cap, base * 2^n)], so that a store full of kiosks
 * does not reconnect in lock step after the hub restarts. Not thread-safe (used on the link's thread).
 */
final class Backoff {
    static final Duration BASE = Duration.ofMillis(250);
    static final Duration CAP = Duration.ofSeconds(10);

    private final RandomGenerator random;
    private int attempt;

    Backoff(RandomGenerator random) {
        this.random = random;
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

    /** The upper bound of the delay of attempt {@code n} (0-based). */
    static long ceilingMillis(int n) {
        long exponential = BASE.toMillis() << Math.min(n, 20);
        return Math.min(CAP.toMillis(), exponential);
    }
}
