package com.instore.agent;

import com.instore.agent.doctor.DoctorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the kiosk agent: {@code java -jar edge-agent.jar --config config/agent.yaml}. Stops on SIGTERM / Ctrl-C.
 * {@code edge-agent doctor [--config FILE]} checks the kiosk's hardware instead ({@link DoctorCommand}).
 */
@Command(name = "edge-agent", mixinStandardHelpOptions = true,
        description = "In-store kiosk agent: tap reader, kiosk screen and MQTT link to the store hub.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/agent.yaml",
            description = "Agent configuration (YAML); -D system properties override it. Default: ${DEFAULT-VALUE}")
    private Path config;

    private Main() {
    }

    public static void main(String[] args) {
        int code = DoctorCommand.addTo(new CommandLine(new Main())).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        EdgeAgent agent = new EdgeAgent();
        AgentConfig settings;
        try {
            settings = AgentConfig.load(config);
            agent.start(settings);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("edge-agent: cannot start: " + e.getMessage());
            agent.close();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "edge-agent-shutdown"));
        System.out.println("edge-agent " + settings.kiosk() + ": screen at " + agent.screenUrl() + " (MQTT "
                + settings.mqtt().uri() + ")");
        stopped.await();
        return 0;
    }
}
