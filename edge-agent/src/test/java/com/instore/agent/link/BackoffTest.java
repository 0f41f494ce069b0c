package com.instore.agent.link;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @Test
    void ceiling_startsAt250msAndDoublesUpTo10s() {
        Backoff backoff = new Backoff(new SplittableRandom(1));
        assertThat(backoff.ceilingMillis(0)).isEqualTo(250);
        assertThat(backoff.ceilingMillis(1)).isEqualTo(500);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(8000);
        assertThat(backoff.ceilingMillis(6)).isEqualTo(10_000);
        assertThat(backoff.ceilingMillis(1000)).isEqualTo(10_000);
    }

    @Test
    void ceiling_followsAConfiguredBaseAndCap() {
        Backoff backoff = new Backoff(new SplittableRandom(1), Duration.ofMillis(10), Duration.ofMillis(100));

        assertThat(backoff.ceilingMillis(0)).isEqualTo(10);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(80);
        assertThat(backoff.ceilingMillis(4)).isEqualTo(100);
    }

    @Test
    void dropped_firstDelayIsSpreadOverFourTimesTheBase() {
        List<Long> delays = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int kiosk = 0; kiosk < 200; kiosk++) {
            Backoff backoff = new Backoff(random);
            backoff.dropped();
            delays.add(backoff.next().toMillis());
        }

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(0L, 1000L));
        assertThat(delays.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(750);
        assertThat(delays.stream().filter(delay -> delay < 100).count()).isLessThan(50);
    }

    @Test
    void next_staysWithinZeroAndTheAttemptsCeiling() {
        Backoff backoff = new Backoff(new SplittableRandom(42));
        for (int attempt = 0; attempt < 200; attempt++) {
            Duration delay = backoff.next();
            assertThat(delay.toMillis()).isBetween(0L, backoff.ceilingMillis(attempt));
            assertThat(delay).isLessThanOrEqualTo(Backoff.DEFAULT_CAP);
        }
    }

    @Test
    void next_isJittered_notTheSameDelayEachTime() {
        List<Long> capped = new ArrayList<>();
        Backoff backoff = new Backoff(new SplittableRandom(7));
        for (int i = 0; i < 50; i++) {
            long delay = backoff.next().toMillis();
            if (i >= 10) {
                capped.add(delay);
            }
        }
        assertThat(capped.stream().distinct().count()).isGreaterThan(30);
        assertThat(capped.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(5000);
        assertThat(capped.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(5000);
    }

    @Test
    void reset_startsAgainFromTheSmallestCeiling() {
        Backoff backoff = new Backoff(new SplittableRandom(1));
        for (int i = 0; i < 10; i++) {
            backoff.next();
        }

        backoff.reset();

        assertThat(backoff.next().toMillis()).isLessThanOrEqualTo(250);
    }
}
