package com.instore.bench;

import com.instore.bench.sweep.SweepPlan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything one invocation was asked to do, validated; built once by {@link BenchMain}. */
record BenchOptions(Target target, BrokerKind broker, int kiosks, double rate, Duration seconds, Duration warmup,
                    boolean sweep, SweepPlan sweepPlan, Path json, int members, Duration timeout, long seed,
                    Path offersFile, String hubPersistence, Optional<List<String>> hubProcess, String command) {
    static final String STORE_ID = "bench-store";

    BenchOptions {
        if (kiosks < 1 || kiosks > 10_000) {
            throw new IllegalArgumentException("--kiosks must be 1..10000, got " + kiosks);
        }
        if (members < 1) {
            throw new IllegalArgumentException("--members must be >= 1, got " + members);
        }
    }

    /** Floor first: its numbers are the yardstick for the hub's. */
    List<Target> targets() {
        return target == Target.BOTH ? List.of(Target.FLOOR, Target.HUB) : List.of(target);
    }

    enum Target {
        HUB,
        FLOOR,
        BOTH
    }

    enum BrokerKind {
        EMBEDDED,
        MOSQUITTO
    }
}
