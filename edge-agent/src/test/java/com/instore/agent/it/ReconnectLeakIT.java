package com.instore.agent.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A kiosk whose connection is cut 100 times (through a TCP proxy, the broker stays up) must end with the threads and
 * file descriptors it had: the link makes a new Paho client per attempt, and every one of them must be released.
 */
class ReconnectLeakIT {
    private static final Pattern RECONNECTS = Pattern.compile("kiosk_mqtt_reconnects_total (\\d+)");
    private static final int THREAD_TOLERANCE = 3;
    private static final int FD_TOLERANCE = 6;

    @TempDir
    Path tempDir;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void hundredReconnects_leaveThreadsAndFileDescriptorsAsTheyWere() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        TcpProxy proxy = use(new TcpProxy(broker.port()));
        RunningAgent agent = use(new RunningAgent(tempDir, proxy.uri(), Map.of("agent.mqtt.reconnect-base-ms", "10")));
        await().atMost(Duration.ofSeconds(10)).until(agent::mqttConnected);
        cutAndAwaitReconnect(agent, proxy, 5);
        int threadsBefore = threads();
        long fdsBefore = fileDescriptors();

        cutAndAwaitReconnect(agent, proxy, 100);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(threads()).isLessThanOrEqualTo(threadsBefore + THREAD_TOLERANCE);
            assertThat(fileDescriptors()).isLessThanOrEqualTo(fdsBefore + FD_TOLERANCE);
        });
        System.out.printf("observed after 100 reconnects: threads %d -> %d, open file descriptors %d -> %d%n",
                threadsBefore, threads(), fdsBefore, fileDescriptors());
        assertThat(reconnects(agent)).isGreaterThanOrEqualTo(105);
    }

    /**
     * Cuts the connection {@code times} times, each time waiting for the reconnect. The wait is generous: this test is
     * about leaks, not speed, and one reconnect once took over 10 s in CI while other builds ran on the same 2 cores.
     */
    private static void cutAndAwaitReconnect(RunningAgent agent, TcpProxy proxy, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            long before = reconnects(agent);
            proxy.cutAll();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> reconnects(agent) > before && agent.mqttConnected());
        }
    }

    private static long reconnects(RunningAgent agent) throws IOException, InterruptedException {
        Matcher matcher = RECONNECTS.matcher(agent.get("/metrics").body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long fileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private <T extends AutoCloseable> T use(T resource) {
        resources.add(resource);
        return resource;
    }
}
