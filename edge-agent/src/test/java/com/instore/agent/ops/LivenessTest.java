package com.instore.agent.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LivenessTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Liveness liveness = new Liveness(Duration.ofSeconds(15), nanos::get);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void threadThatStopsBeating_isStalledAfterTheAllowedSilence_andOnlyThatOne() {
        liveness.watch("mqtt-link", beat -> { }, scheduler);
        liveness.watch("tap-pipeline", Runnable::run, scheduler);
        assertThat(liveness.stalled()).isEmpty();

        nanos.addAndGet(Duration.ofSeconds(16).toNanos());

        await().atMost(Duration.ofSeconds(5)).until(() -> liveness.stalled().equals(java.util.List.of("mqtt-link")));
    }

    @Test
    void silenceWithinTheAllowance_isNotStalled() {
        liveness.watch("mqtt-link", beat -> { }, scheduler);

        nanos.addAndGet(Duration.ofSeconds(15).toNanos());

        assertThat(liveness.stalled()).isEmpty();
    }
}
