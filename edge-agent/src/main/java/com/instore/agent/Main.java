package com.instore.agent;

import com.instore.agent.doctor.DoctorCommand;
import com.instore.agent.enrol.EnrolCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the kiosk agent: {@code java -jar edge-agent.jar --config config/agent.yaml}. Stops on SIGTERM / Ctrl-C.
 * {@code edge-agent doctor [--config FILE]} checks the kiosk's hardware instead ({@link DoctorCommand});
 * {@code edge-agent enroll --hub URL --code CODE} obtains the kiosk's identity with a one-time code ({@link EnrolCommand}).
 */
@Command(name = "edge-agent", mixinStandardHelpOptions = true,
        description = "In-store kiosk agent: tap reader, kiosk screen and MQTT link to the store hub.")
public final class Main implements Callable<Integer> {
    private static final String DEFAULT_CONFIG = "config/agent.yaml";

    @Option(names = "--config", paramLabel = "FILE", defaultValue = DEFAULT_CONFIG,
            description = "Agent configuration (YAML); -D system properties override it. Default: ${DEFAULT-VALUE}")
    private Path config;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Main main = new Main();
        Optional<Path> service = serviceConfig(args);
        int code;
        if (service.isPresent()) {
            main.config = service.get();
            code = main.call();
        } else {
            code = EnrolCommand.addTo(DoctorCommand.addTo(new CommandLine(main))).execute(args);
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * The configuration file when {@code args} is the service's own command line ({@code [--config FILE]}, as the
     * launcher and the systemd unit start the agent); empty for anything else (subcommands, {@code --help}, mistakes),
     * which picocli reads. The service start goes around picocli because its classes are compiled for Java 5, which
     * the JDK's AOT cache cannot hold: loading and verifying them cost 0.3 s of every start (bench/BENCHMARKS.md).
     */
    static Optional<Path> serviceConfig(String... args) {
        String value = switch (args.length) {
            case 0 -> DEFAULT_CONFIG;
            case 1 -> args[0].startsWith("--config=") ? args[0].substring("--config=".length()) : "";
            case 2 -> "--config".equals(args[0]) ? args[1] : "";
            default -> "";
        };
        return value.isEmpty() || value.startsWith("-") ? Optional.empty() : Optional.of(Path.of(value));
    }

    /**
     * Runs the agent until SIGTERM; when a new configuration needs devices restarted (issue 7), the agent is closed and
     * started again on the reloaded configuration (which carries the last good device settings).
     */
    @Override
    public Integer call() throws InterruptedException {
        BlockingQueue<List<String>> restarts = new LinkedBlockingQueue<>();
        AtomicReference<EdgeAgent> current = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (current) {
                Optional.ofNullable(current.getAndSet(null)).ifPresent(EdgeAgent::close);
            }
            stopped.countDown();
        }, "edge-agent-shutdown"));
        while (true) {
            synchronized (current) {
                if (stopped.getCount() == 0 || !start(current, restarts)) {
                    return stopped.getCount() == 0 ? 0 : 2;
                }
            }
            List<String> parts = null;
            while (parts == null && stopped.getCount() > 0) {
                parts = restarts.poll(1, TimeUnit.SECONDS);
            }
            if (parts == null) {
                return 0;
            }
            System.out.println("edge-agent: restarting for new device settings: " + parts);
            synchronized (current) {
                Optional.ofNullable(current.getAndSet(null)).ifPresent(EdgeAgent::close);
            }
        }
    }

    private boolean start(AtomicReference<EdgeAgent> current, BlockingQueue<List<String>> restarts) {
        EdgeAgent agent = new EdgeAgent();
        agent.onRestartNeeded(restarts::add);
        try {
            AgentConfig settings = AgentConfig.load(config);
            agent.start(settings);
            current.set(agent);
            System.out.println("edge-agent " + settings.kiosk() + ": screen at " + agent.screenUrl() + " (MQTT "
                    + settings.mqtt().uri() + ")");
            return true;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("edge-agent: cannot start: " + e.getMessage());
            agent.close();
            return false;
        }
    }
}
