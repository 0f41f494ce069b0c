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
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/agent.yaml",
            description = "Agent configuration (YAML); -D system properties override it. Default: ${DEFAULT-VALUE}")
    private Path config;

    private Main() {
    }

    public static void main(String[] args) {
        int code = EnrolCommand.addTo(DoctorCommand.addTo(new CommandLine(new Main()))).execute(args);
        if (code != 0) {
            System.exit(code);
        }
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
