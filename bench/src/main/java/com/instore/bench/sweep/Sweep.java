package com.instore.bench.sweep;

import com.instore.bench.report.RunRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Finds the highest sustained rate by running load steps ({@link SweepPlan}). The step runner does the measuring; this
 * class only decides which rate to try next. Blocks for as long as the steps take.
 */
public final class Sweep {
    private static final double GRANULARITY = 50;

    private final SweepPlan plan;
    private final DoubleFunction<RunRecord> step;

    public Sweep(SweepPlan plan, DoubleFunction<RunRecord> step) {
        this.plan = plan;
        this.step = step;
    }

    /** The outcome: the best rate that held (0 if none did) and every step in the order run. */
    public Outcome run() {
        List<RunRecord> steps = new ArrayList<>();
        double held = 0;
        double failed = 0;
        for (double rate = plan.startRate(); rate <= plan.maxRate(); rate = rounded(rate * plan.factor())) {
            if (holds(runStep(rate, steps))) {
                held = rate;
            } else {
                failed = rate;
                break;
            }
        }
        // Bisect a few times; when nothing held yet, keep halving down to the granularity to find a rate at all.
        for (int i = 0; (i < plan.refinements() || held == 0) && failed > 0 && failed - held > GRANULARITY; i++) {
            double middle = rounded((held + failed) / 2);
            if (holds(runStep(middle, steps))) {
                held = middle;
            } else {
                failed = middle;
            }
        }
        return new Outcome(held, steps);
    }

    private RunRecord runStep(double rate, List<RunRecord> steps) {
        RunRecord record = step.apply(rate);
        steps.add(record);
        return record;
    }

    /** Whether a step met the limits of the plan. */
    public boolean holds(RunRecord record) {
        return record.errorTotal() == 0 && record.latencyMs().count() > 0
                && record.latencyMs().p99() <= plan.p99LimitMs()
                && record.throughput() >= SweepPlan.KEEP_UP * record.rate();
    }

    private static double rounded(double rate) {
        return Math.max(GRANULARITY, Math.round(rate / GRANULARITY) * GRANULARITY);
    }

    /** The best rate that held (0 when none did) and the steps tried. */
    public record Outcome(double highestSustainedRate, List<RunRecord> steps) {
        public Outcome {
            steps = List.copyOf(steps);
        }
    }
}
