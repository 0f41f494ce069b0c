package com.instore.bench;

import com.instore.bench.broker.Broker;
import com.instore.bench.broker.Brokers;
import com.instore.bench.load.Fleet;
import com.instore.bench.load.LoadGenerator;
import com.instore.bench.load.Population;
import com.instore.bench.load.PopulationMix;
import com.instore.bench.load.Roster;
import com.instore.bench.load.Schedule;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.report.Machine;
import com.instore.bench.report.Memory;
import com.instore.bench.report.Report;
import com.instore.bench.report.RunRecord;
import com.instore.bench.report.SweepRecord;
import com.instore.bench.sweep.Sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One bench invocation: for each target (floor, then hub) start the system under test, connect the kiosk fleet, run the
 * load (or the sweep), stop everything, and collect the records into a {@link Report}. Blocks throughout.
 */
final class BenchRun {
    private static final Duration SWEEP_WARMUP = Duration.ofSeconds(10);

    private final BenchOptions options;
    private final PrintStream out;
    private final Roster roster;
    private final List<RunRecord> runs = new ArrayList<>();
    private final List<SweepRecord> sweeps = new ArrayList<>();

    BenchRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.roster = Roster.generate(options.members(), options.seed());
    }

    Report run() {
        Machine machine = Machine.describe(options.command());
        try (WorkDir work = new WorkDir()) {
            for (BenchOptions.Target target : options.targets()) {
                try (SystemUnderTest sut = start(target, work.resolve(target.name().toLowerCase(Locale.ROOT)))) {
                    measure(sut);
                }
            }
        }
        return Report.of(machine, runs, sweeps);
    }

    private SystemUnderTest start(BenchOptions.Target target, Path dir) {
        out.printf("bench: starting the %s over %s...%n", name(target), options.broker().name().toLowerCase(Locale.ROOT));
        if (target == BenchOptions.Target.HUB) {
            return options.hubProcess().isPresent()
                    ? HubProcessSystem.start(options, roster, dir, options.hubProcess().get(), out)
                    : HubSystem.start(options, roster, dir, out);
        }
        Accounts accounts = Accounts.generate(BenchOptions.STORE_ID, options.kiosks());
        Broker broker = options.broker() == BenchOptions.BrokerKind.EMBEDDED ? Brokers.embeddedHiveMq(accounts, dir)
                : Brokers.mosquitto(accounts, dir, out);
        return FloorSystem.start(broker, accounts);
    }

    private static String name(BenchOptions.Target target) {
        return target == BenchOptions.Target.HUB ? "hub" : "floor (echo service)";
    }

    private void measure(SystemUnderTest sut) {
        try (Fleet fleet = Fleet.connect(sut.endpoint(), sut.accounts())) {
            out.printf("bench: %d kiosks connected to %s (%s)%n", options.kiosks(), sut.broker(), sut.endpoint().uri());
            Population population = new Population(roster.cardUids(), PopulationMix.REALISTIC, options.kiosks(),
                    options.seed());
            LoadGenerator generator = new LoadGenerator(fleet, population, options.timeout());
            if (options.sweep()) {
                sweep(sut, generator);
            } else {
                runs.add(step(sut, generator, options.rate()).with(Memory.sample()));
            }
        }
    }

    private void sweep(SystemUnderTest sut, LoadGenerator generator) {
        // A cold JVM fails the first steps for the JIT's sake, not the system's: warm up once, unrecorded.
        out.printf(Locale.ROOT, "bench: %s: warming up at %.0f taps/s for %d s (not recorded)...%n", sut.target(),
                options.sweepPlan().startRate(), SWEEP_WARMUP.toSeconds());
        generator.run(new Schedule(options.sweepPlan().startRate(), Duration.ZERO, SWEEP_WARMUP));
        long late = generator.settle();
        if (late > 0) {
            out.printf("bench: %s: waited for %d late answers of the warm-up%n", sut.target(), late);
        }
        Sweep sweep = new Sweep(options.sweepPlan(), rate -> step(sut, generator, rate));
        Sweep.Outcome outcome = sweep.run();
        SweepRecord record = new SweepRecord(sut.target(), sut.broker(), options.kiosks(),
                options.sweepPlan().p99LimitMs(), outcome.highestSustainedRate(), outcome.steps());
        sweeps.add(record);
        out.printf("bench: %s over %s sustains %.0f taps/s with p99 <= %.0f ms%n", sut.target(), sut.broker(),
                outcome.highestSustainedRate(), options.sweepPlan().p99LimitMs());
    }

    private RunRecord step(SystemUnderTest sut, LoadGenerator generator, double rate) {
        out.printf(Locale.ROOT, "bench: %s: %.0f taps/s for %d s after %d s warm-up...%n", sut.target(), rate,
                options.seconds().toSeconds(), options.warmup().toSeconds());
        if (!options.warmup().isZero()) {
            // Warm up at the same rate, then let what the warm-up left queued drain: the measurement starts from a system
            // that has compiled its hot code and holds no backlog, so a cold start is not billed to the rate measured.
            generator.run(new Schedule(rate, Duration.ZERO, options.warmup()));
            generator.settle();
        }
        sut.figures(); // what it reports after the step is about the measured window alone
        Schedule schedule = new Schedule(rate, Duration.ZERO, options.seconds());
        RunRecord record = RunRecord.of(sut.target(), sut.broker(), options.kiosks(), generator.run(schedule));
        out.printf(Locale.ROOT, "bench:   answered %d/%d, errors %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                record.answered(), record.sent(), record.errorTotal(), record.latencyMs().p50(),
                record.latencyMs().p99(), record.latencyMs().max());
        sut.figures().ifPresent(f -> out.println("bench:   " + f));
        return record;
    }
}
