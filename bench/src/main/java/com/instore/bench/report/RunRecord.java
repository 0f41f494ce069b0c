package com.instore.bench.report;

import com.instore.bench.load.LoadResult;

/**
 * One row of the results: which system answered (hub or floor) over which broker, the load, and what it measured.
 * The JSON form of a run. CPU in cores while measuring: the bench JVM (generator plus whatever runs in-process) and the
 * whole machine; their difference is what other processes took. {@code memory} is sampled after fixed-rate runs only
 * (a full GC between sweep steps would disturb the next one).
 */
public record RunRecord(String target, String broker, int kiosks, double rate, long seconds, long sent, long answered,
                        double throughput, double achievedSendRate, LoadResult.Errors errors, long errorTotal,
                        Latency latencyMs, double benchJvmCores, double machineCores, Memory memory) {

    public static RunRecord of(String target, String broker, int kiosks, LoadResult result) {
        return new RunRecord(target, broker, kiosks, result.targetRate(), result.measured().toSeconds(), result.sent(),
                result.answered(), round(result.throughput()), round(result.achievedSendRate()), result.errors(),
                result.errors().total(), Latency.of(result.latencyMicros()), result.benchJvmCores(),
                result.machineCores(), Memory.UNKNOWN);
    }

    /** This run with the memory sampled after it. */
    public RunRecord with(Memory sampled) {
        return new RunRecord(target, broker, kiosks, rate, seconds, sent, answered, throughput, achievedSendRate, errors,
                errorTotal, latencyMs, benchJvmCores, machineCores, sampled);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
