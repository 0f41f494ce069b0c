package com.instore.hub.mqtt;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per kiosk for inbound taps: {@code burst} taps at once, refilled at {@code perSecond}. A person tapping
 * cannot come near the defaults (burst 500, 100/s), and a kiosk draining its outbox after an outage stays within the burst
 * for any backlog it is likely to hold; a kiosk beyond that is flooding and its excess is dropped (counted as
 * {@code rate_limited}) on the receiving thread before it costs the shared executor anything. Thread-safe, lock-free per
 * kiosk, never blocks.
 */
public final class KioskRateLimit {
    private final double burst;
    private final double perNano;
    private final LongSupplier nanos;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    KioskRateLimit(int burst, double perSecond, LongSupplier nanos) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("rate limit: burst >= 1 and per-second > 0, got " + burst + ", " + perSecond);
        }
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanos = nanos;
    }

    /** {@code burst} taps at once per kiosk, refilled at {@code perSecond}. */
    public static KioskRateLimit of(int burst, double perSecond) {
        return new KioskRateLimit(burst, perSecond, System::nanoTime);
    }

    /** Burst 500, 100 taps per second per kiosk. */
    public static KioskRateLimit defaults() {
        return of(500, 100);
    }

    /** Takes one token from the kiosk's bucket; false when it is empty (the message is to be dropped). */
    public boolean tryAcquire(String kioskId) {
        return buckets.computeIfAbsent(kioskId, k -> new Bucket(burst, nanos.getAsLong())).take(nanos.getAsLong());
    }

    static InvalidInbound exceeded() {
        return new InvalidInbound("rate_limited", "more taps than the kiosk's rate limit allows: dropped");
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
