package com.instore.bench.report;

/** The hub as a multiple of the floor over the same broker and load: latency ratios (> 1 is slower), throughput ratio. */
public record Ratio(String broker, double rate, double p50, double p99, double p999, double throughput) {

    public static Ratio of(RunRecord hub, RunRecord floor) {
        return new Ratio(hub.broker(), hub.rate(), divide(hub.latencyMs().p50(), floor.latencyMs().p50()),
                divide(hub.latencyMs().p99(), floor.latencyMs().p99()),
                divide(hub.latencyMs().p999(), floor.latencyMs().p999()), divide(hub.throughput(), floor.throughput()));
    }

    static double divide(double a, double b) {
        return b == 0 ? 0 : Math.round(a / b * 100) / 100.0;
    }
}
