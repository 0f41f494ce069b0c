package com.instore.agent.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Taps answered at once by the test hub, one after another, to observe the tap-to-screen latency the agent records
 * ({@code kiosk_tap_to_screen_seconds}). Prints what it saw; asserts only that every answer was shown.
 */
class TapLatencyIT {
    private static final int TAPS = 40;

    @TempDir
    static Path tempDir;
    static TestBroker broker;
    static TestHub hub;
    static RunningAgent agent;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start(tempDir.resolve("broker"));
        hub = new TestHub(broker.uri(), RunningAgent.KIOSK);
        hub.autoAnswer();
        agent = new RunningAgent(tempDir, broker.uri(), Map.of("agent.answer-timeout-ms", "5000"));
        await().atMost(Duration.ofSeconds(10)).until(agent::mqttConnected);
    }

    @AfterAll
    static void stop() {
        agent.close();
        hub.close();
        broker.close();
    }

    @Test
    void everyAnsweredTap_isShown_andItsLatencyRecorded() throws Exception {
        for (int i = 0; i < TAPS; i++) {
            String tapId = agent.tap(String.format("04D0%010d", i));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() ->
                    tapId.equals(agent.screen().get("tapId").asText()) && "member".equals(agent.screen().get("state").asText()));
        }

        String metrics = agent.get("/metrics").body();
        metrics.lines().filter(line -> line.startsWith("kiosk_tap_to_screen_seconds"))
                .forEach(line -> System.out.println("TapLatencyIT observed " + line));
        assertThat(metrics).contains("kiosk_tap_to_screen_seconds_count " + TAPS);
    }
}
