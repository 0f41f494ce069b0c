package com.instore.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A sweep's outcome: the highest rate that held the limits, and every step tried. */
public record SweepRecord(String target, String broker, int kiosks, double p99LimitMs, double highestSustainedRate,
                          List<RunRecord> steps) {

    public SweepRecord {
        steps = List.copyOf(steps);
    }

    String summary() {
        String tried = steps.stream()
                .map(step -> String.format(Locale.ROOT, "%.0f/s p99 %.1f ms%s", step.rate(), step.latencyMs().p99(),
                        step.errorTotal() > 0 ? " (" + step.errorTotal() + " errors)" : ""))
                .collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "sweep %s over %s, %d kiosks: highest sustained rate with p99 <= %.0f ms and no"
                + " errors: %.0f taps/s%n  steps: %s%n", target, broker, kiosks, p99LimitMs, highestSustainedRate, tried);
    }
}
