package com.instore.bench;

import com.instore.bench.jmh.JmhCommand;
import com.instore.bench.report.Report;
import com.instore.bench.sweep.SweepPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark harness's entry point ({@code ./run bench}): simulated kiosks over real MQTT against the hub and the floor,
 * printing a Markdown table and writing JSON; {@code jmh} runs the micro-benchmarks.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = JmhCommand.class,
        description = "Load-tests the store hub against the floor (an echo service over the same broker).")
public final class BenchMain implements Callable<Integer> {
    /** Held so that the level sticks: the in-process hub's Helidon logs its start and stop at INFO through JUL. */
    private static final Logger HELIDON_LOG = Logger.getLogger("io.helidon");

    @Option(names = "--target", description = "hub, floor or both (default: ${DEFAULT-VALUE}).", defaultValue = "both")
    private BenchOptions.Target target;
    @Option(names = "--broker", description = "embedded (HiveMQ CE) or mosquitto (default: ${DEFAULT-VALUE}).",
            defaultValue = "embedded")
    private BenchOptions.BrokerKind broker;
    @Option(names = "--kiosks", description = "Simulated kiosks, one MQTT connection each (default: ${DEFAULT-VALUE}).",
            defaultValue = "50")
    private int kiosks;
    @Option(names = "--rate", description = "Taps per second, all kiosks together (default: ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    private double rate;
    @Option(names = "--seconds", description = "Measured seconds per run or sweep step (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    private long seconds;
    @Option(names = "--warmup", description = "Unmeasured seconds before each measurement (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    private long warmup;
    @Option(names = "--sweep", description = "Find the highest rate with p99 <= --p99-limit-ms instead of one run.")
    private boolean sweep;
    @Option(names = "--sweep-start", description = "First sweep rate (default: ${DEFAULT-VALUE}).", defaultValue = "500")
    private double sweepStart;
    @Option(names = "--sweep-max", description = "Highest sweep rate tried (default: ${DEFAULT-VALUE}).",
            defaultValue = "20000")
    private double sweepMax;
    @Option(names = "--sweep-factor", description = "Rate multiplier between sweep steps (default: ${DEFAULT-VALUE}).",
            defaultValue = "1.5")
    private double sweepFactor;
    @Option(names = "--p99-limit-ms", description = "Sweep latency limit (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    private double p99LimitMs;
    @Option(names = "--json", description = "Where to write the JSON results (default: ${DEFAULT-VALUE}).",
            defaultValue = "bench/target/bench-results.json")
    private Path json;
    @Option(names = "--members", description = "Generated members (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
    private int members;
    @Option(names = "--timeout-ms", description = "A tap unanswered after this is a timeout (default: ${DEFAULT-VALUE}).",
            defaultValue = "5000")
    private long timeoutMs;
    @Option(names = "--seed", description = "Seed of the population (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    private long seed;
    @Option(names = "--offers", description = "Offers file for the hub (default: ${DEFAULT-VALUE}).",
            defaultValue = "config/offers.yaml")
    private Path offers;
    @Option(names = "--hub-persistence", description = "The hub's embedded broker keeps its data in a file or in-memory "
            + "(hub.mqtt.persistence; default: ${DEFAULT-VALUE}).", defaultValue = "file")
    private String hubPersistence;
    @Option(names = "--hub-process", arity = "0..1", fallbackValue = "-Xmx384m", paramLabel = "JVM_FLAGS",
            description = "Run the packaged hub (store-hub/target/store-hub.jar) in its own process with these JVM flags "
                    + "(without a value: -Xmx384m, as the Debian package) and report its CPU and resident memory.")
    private String hubProcess;

    private final String[] args;

    private BenchMain(String[] args) {
        this.args = args.clone();
    }

    public static void main(String[] args) {
        HELIDON_LOG.setLevel(Level.WARNING);
        CommandLine cli = new CommandLine(new BenchMain(args)).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, commandLine, parsed) -> {
                    if (!(error instanceof IllegalArgumentException || error instanceof IllegalStateException)) {
                        throw error;
                    }
                    commandLine.getErr().println("bench: " + error.getMessage());
                    return 2;
                });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        BenchOptions options = new BenchOptions(target, broker, kiosks, rate, Duration.ofSeconds(seconds),
                Duration.ofSeconds(warmup), sweep, new SweepPlan(sweepStart, sweepFactor, sweepMax, 2, p99LimitMs), json,
                members, Duration.ofMillis(timeoutMs), seed, offers, hubPersistence,
                Optional.ofNullable(hubProcess).map(flags -> List.of(flags.trim().split("\\s+"))),
                "./run bench " + String.join(" ", args));
        Report report = new BenchRun(options, System.out).run();
        System.out.println();
        System.out.print(report.table());
        report.writeJson(json);
        System.out.println("\nbench: results written to " + json.toAbsolutePath().normalize());
        return 0;
    }
}
