package com.instore.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    @Test
    void taps_areDueAtFixedIntervals_fromTheStart() {
        Schedule schedule = new Schedule(1_000, Duration.ZERO, Duration.ofSeconds(1));

        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(1)).isEqualTo(1_000_000);
        assertThat(schedule.offsetNanos(999)).isEqualTo(999_000_000);
    }

    @Test
    void total_coversWarmupAndMeasuredTime_atTheRate() {
        Schedule schedule = new Schedule(250, Duration.ofSeconds(2), Duration.ofSeconds(4));

        assertThat(schedule.total()).isEqualTo(1_500);
        assertThat(schedule.measuredCount()).isEqualTo(1_000);
    }

    @Test
    void measured_startsWithTheFirstTapDueAfterTheWarmup() {
        Schedule schedule = new Schedule(10, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(schedule.measured(9)).isFalse();
        assertThat(schedule.measured(10)).isTrue();
        assertThat(schedule.measured(19)).isTrue();
        assertThat(schedule.total()).isEqualTo(20);
    }

    @Test
    void fractionalRates_countEveryTapDueBeforeTheEnd() {
        Schedule schedule = new Schedule(3, Duration.ZERO, Duration.ofSeconds(1));

        assertThat(schedule.total()).isEqualTo(3);
        assertThat(schedule.offsetNanos(2)).isEqualTo(666_666_667);
    }

    @Test
    void nonPositiveRate_isRefused() {
        assertThatThrownBy(() -> new Schedule(0, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
    }
}
