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
        assertThat(Backoff.ceilingMillis(0)).isEqualTo(250);
        assertThat(Backoff.ceilingMillis(1)).isEqualTo(500);
        assertThat(Backoff.ceilingMillis(5)).isEqualTo(8000);
        assertThat(Backoff.ceilingMillis(6)).isEqualTo(10_000);
        assertThat(Backoff.ceilingMillis(1000)).isEqualTo(10_000);
    }

    @Test
    void next_staysWithinZeroAndTheAttemptsCeiling() {
        Backoff backoff = new Backoff(new SplittableRandom(42));
        for (int attempt = 0; attempt < 200; attempt++) {
            Duration delay = backoff.next();
            assertThat(delay.toMillis()).isBetween(0L, Backoff.ceilingMillis(attempt));
            assertThat(delay).isLessThanOrEqualTo(Backoff.CAP);
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
