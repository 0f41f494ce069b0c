package com.instore.hub.mqtt;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidMessagesTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InvalidMessages invalid = new InvalidMessages(registry, clock);

    @Test
    void record_countsEveryMessageByKioskAndReason() {
        invalid.record("coffee", "t", new InvalidInbound("not_json", "x"));
        invalid.record("coffee", "t", new InvalidInbound("not_json", "x"));
        invalid.record("entrance", "t", InvalidInbound.mismatch("coffee", "entrance"));

        assertThat(registry.get("hub.messages.invalid").tags("kiosk", "coffee", "reason", "not_json").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("hub.messages.invalid").tags("kiosk", "entrance", "reason", "kiosk_mismatch").counter()
                .count()).isEqualTo(1.0);
    }

    @Test
    void shouldLog_oncePerKioskPerMinute() {
        assertThat(invalid.shouldLog("coffee")).isTrue();
        assertThat(invalid.shouldLog("coffee")).isFalse();
        assertThat(invalid.shouldLog("entrance")).isTrue();

        now.set(now.get().plus(Duration.ofSeconds(59)));
        assertThat(invalid.shouldLog("coffee")).isFalse();
        now.set(now.get().plus(Duration.ofSeconds(1)));
        assertThat(invalid.shouldLog("coffee")).isTrue();
    }
}
