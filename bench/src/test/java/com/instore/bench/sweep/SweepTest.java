package com.instore.bench.sweep;

import com.instore.bench.load.LoadResult;
import com.instore.bench.report.Latency;
import com.instore.bench.report.Memory;
import com.instore.bench.report.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;

class SweepTest {
    private static final SweepPlan PLAN = new SweepPlan(500, 1.5, 20_000, 2, 50);

    @Test
    void sweep_climbsUntilALimitBreaks_thenBisects() {
        Sweep.Outcome outcome = new Sweep(PLAN, rate -> step(rate, rate <= 3_000 ? 5 : 80, 0)).run();

        assertThat(outcome.steps()).extracting(RunRecord::rate)
                .containsExactly(500.0, 750.0, 1150.0, 1750.0, 2650.0, 4000.0, 3350.0, 3000.0);
        assertThat(outcome.highestSustainedRate()).isEqualTo(3_000);
    }

    @Test
    void errors_breakTheLimit_evenWithLowLatency() {
        DoublePredicate failing = rate -> rate > 1_000;
        Sweep.Outcome outcome = new Sweep(PLAN, rate -> step(rate, 1, failing.test(rate) ? 3 : 0)).run();

        assertThat(outcome.highestSustainedRate()).isBetween(750.0, 1_000.0);
    }

    @Test
    void firstStepBreaking_bisectsDownwards_andReportsZeroWhenNothingHolds() {
        Sweep.Outcome outcome = new Sweep(PLAN, rate -> step(rate, 500, 0)).run();

        assertThat(outcome.highestSustainedRate()).isZero();
        assertThat(outcome.steps()).extracting(RunRecord::rate).containsExactly(500.0, 250.0, 150.0, 100.0, 50.0);
    }

    @Test
    void slowSystem_isFollowedDownwards_untilARateHolds() {
        Sweep.Outcome outcome = new Sweep(PLAN, rate -> step(rate, rate <= 120 ? 10 : 900, 0)).run();

        assertThat(outcome.highestSustainedRate()).isEqualTo(100);
    }

    @Test
    void answersFallingBehindTheSchedule_breakTheLimit() {
        Sweep sweep = new Sweep(PLAN, rate -> step(rate, 1, 0));
        RunRecord behind = new RunRecord("floor", "b", 10, 1_000, 10, 10_000, 9_000, 900, 1_000,
                new LoadResult.Errors(0, 0, 0, 0, 0, 0, 0), 0, new Latency(9_000, 1, 2, 3, 4, 1), 0.5, 1.0, Memory.UNKNOWN);

        assertThat(sweep.holds(behind)).isFalse();
    }

    private static RunRecord step(double rate, double p99, long errors) {
        return new RunRecord("floor", "b", 10, rate, 10, 100, 100, rate, rate,
                new LoadResult.Errors(errors, 0, 0, 0, 0, 0, 0), errors,
                new Latency(100, p99 / 2, p99, p99, p99, p99 / 2), 0.5, 1.0, Memory.UNKNOWN);
    }
}
