package com.instore.bench.sweep;

/**
 * How to look for the highest sustained rate: start at {@code startRate}, multiply by {@code factor} while the limits hold
 * (up to {@code maxRate}), then bisect {@code refinements} times between the last rate that held and the first that did not
 * (when not even the start rate held, keep halving until one does or the rate is down to 50/s).
 * A rate holds when p99 <= {@code p99LimitMs}, no errors, and answers keep up with the schedule (>= 95%).
 */
public record SweepPlan(double startRate, double factor, double maxRate, int refinements, double p99LimitMs) {
    public static final double KEEP_UP = 0.95;

    public SweepPlan {
        if (!(startRate > 0) || !(factor > 1) || maxRate < startRate || refinements < 0 || !(p99LimitMs > 0)) {
            throw new IllegalArgumentException("bad sweep plan: start " + startRate + ", factor " + factor + ", max "
                    + maxRate + ", refinements " + refinements + ", p99 limit " + p99LimitMs);
        }
    }
}
