package com.instore.bench.load;

import org.HdrHistogram.Histogram;

import java.time.Duration;

/**
 * What one load phase measured, measured window only: taps sent and answered, errors by kind, and tap-to-screen latency in
 * microseconds from each tap's due time to the receipt of its {@code ScreenUpdate}; CPU cores used while the measured taps
 * were sent, by the bench JVM and by the whole machine (-1 when unknown).
 */
public record LoadResult(double targetRate, Duration measured, long sent, long answered, Errors errors,
                         Histogram latencyMicros, double achievedSendRate, double benchJvmCores, double machineCores) {

    /** Answers per second over the measured window. */
    public double throughput() {
        return answered / (measured.toNanos() / 1e9);
    }

    /**
     * Error counts. Timeouts, refused and failed publishes concern measured taps; wrong correlation (an answer for no tap
     * of ours, for another kiosk, or whose tapId differs from its correlation data) and invalid answers concern any answer.
     * Duplicates (a second answer to a tap, which QoS 1 allows) and late answers (after the timeout was counted) are
     * reported but are not errors of their own.
     */
    public record Errors(long timeouts, long refused, long failed, long wrongCorrelation, long invalidAnswers,
                         long duplicates, long late) {
        public long total() {
            return timeouts + refused + failed + wrongCorrelation + invalidAnswers;
        }
    }
}
