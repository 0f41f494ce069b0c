package com.instore.hub.mqtt;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KioskRateLimitTest {
    private final AtomicLong now = new AtomicLong();
    private final KioskRateLimit limit = new KioskRateLimit(3, 10, now::get);

    @Test
    void burstIsAllowed_thenExcessIsRefused() {
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isFalse();
    }

    @Test
    void floodingKiosk_doesNotSpendAnotherKiosksTokens() {
        for (int i = 0; i < 100; i++) {
            limit.tryAcquire("flooder");
        }
        assertThat(limit.tryAcquire("quiet")).isTrue();
    }

    @Test
    void tokensRefillWithTime_upToTheBurst() {
        for (int i = 0; i < 3; i++) {
            limit.tryAcquire("a");
        }
        now.addAndGet(100_000_000); // 100 ms at 10/s: one token
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isFalse();
        now.addAndGet(60_000_000_000L);
        int allowed = 0;
        while (limit.tryAcquire("a")) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(3);
    }

    @Test
    void nonsenseSettings_areRefused() {
        assertThatThrownBy(() -> KioskRateLimit.of(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KioskRateLimit.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
