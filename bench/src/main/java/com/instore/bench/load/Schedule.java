package com.instore.bench.load;

import java.time.Duration;

/**
 * An open-loop schedule: tap {@code n} is due {@code n / rate} seconds after the start, whatever happened to the taps before
 * it. Latency is measured from this due time, so a system that falls behind shows its real delay instead of slowing the
 * generator down (no coordinated omission). Taps due during the warm-up are sent but not measured. Pure and immutable.
 */
public record Schedule(double ratePerSecond, Duration warmup, Duration measure) {
    public Schedule {
        if (!(ratePerSecond > 0) || ratePerSecond > 1_000_000) {
            throw new IllegalArgumentException("rate must be in (0, 1000000] taps/s, got " + ratePerSecond);
        }
        if (warmup.isNegative() || measure.isZero() || measure.isNegative()) {
            throw new IllegalArgumentException("warm-up must be >= 0 and the measured time > 0");
        }
    }

    /** How many taps the whole schedule sends, warm-up included. */
    public long total() {
        return dueCount(warmup.plus(measure).toNanos());
    }

    /** How many taps fall in the measured window. */
    public long measuredCount() {
        return total() - dueCount(warmup.toNanos());
    }

    /** When tap {@code n} (0-based) is due, in nanoseconds after the start. */
    public long offsetNanos(long n) {
        return Math.round(n * 1e9 / ratePerSecond);
    }

    /** Whether tap {@code n} is due after the warm-up. */
    public boolean measured(long n) {
        return offsetNanos(n) >= warmup.toNanos();
    }

    /** Taps due strictly before {@code nanos}. */
    private long dueCount(long nanos) {
        long n = (long) Math.ceil(nanos * ratePerSecond / 1e9);
        while (n > 0 && offsetNanos(n - 1) >= nanos) {
            n--;
        }
        while (offsetNanos(n) < nanos) {
            n++;
        }
        return n;
    }
}
