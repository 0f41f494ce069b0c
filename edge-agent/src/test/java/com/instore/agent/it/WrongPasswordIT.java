package com.instore.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.agent.link.MqttLink;
import io.helidon.logging.common.LogConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A kiosk whose password the broker refuses (a real broker, refusing with MQTT 5's reason 134) says why where a
 * technician looks, its {@code /health} and its log, without flooding the log while it keeps retrying.
 */
class WrongPasswordIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern FAILURES = Pattern.compile("kiosk_mqtt_connection_failures_total (\\d+)");
    private static final Logger LINK_LOG = Logger.getLogger(MqttLink.class.getName());

    @TempDir
    Path tempDir;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Helidon reads the agent's logging.properties once, when the first server starts, and that resets every logger's
     * handlers, the capture below too: done before the capture is added.
     */
    @BeforeAll
    static void configureLoggingFirst() {
        LogConfig.configureRuntime();
    }

    @AfterEach
    void closeAll() throws Exception {
        LINK_LOG.removeHandler(capture);
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void refusedPassword_healthAndOneLogLineSayWhy_whileTheKioskKeepsTrying() throws Exception {
        LINK_LOG.addHandler(capture);
        TestBroker broker = use(TestBroker.requiringPassword(tempDir.resolve("broker"), "not-the-kiosk-secret"));
        RunningAgent agent = use(new RunningAgent(tempDir, broker.uri(), Map.of("agent.mqtt.reconnect-base-ms", "10",
                "agent.mqtt.reconnect-cap-ms", "50")));

        await().atMost(WAIT).until(() -> connectionFailures(agent) >= 5);

        JsonNode health = RunningAgent.json(agent.get("/health").body());
        assertThat(health.get("ready").asBoolean()).isFalse();
        assertThat(health.get("mqtt").get("connected").asBoolean()).isFalse();
        assertThat(health.get("mqtt").get("problem").asText())
                .contains("Bad User Name or Password", "(134)", "agent.mqtt.password-file");
        assertThat(warnings).as("one warning for the streak, not one per attempt").hasSize(1);
        assertThat(warnings.getFirst().getMessage()).startsWith("MQTT link down: Bad User Name or Password")
                .contains("(134)", "agent.mqtt.password-file", "enrol the kiosk again");
        assertThat(agent.mqttConnected()).isFalse();
    }

    @Test
    void rightPassword_connects_andHealthHasNoProblem() throws Exception {
        TestBroker broker = use(TestBroker.requiringPassword(tempDir.resolve("broker"), RunningAgent.SECRET));
        RunningAgent agent = use(new RunningAgent(tempDir, broker.uri(), Map.of()));

        await().atMost(WAIT).until(agent::mqttConnected);

        JsonNode mqtt = RunningAgent.json(agent.get("/health").body()).get("mqtt");
        assertThat(mqtt.get("connected").asBoolean()).isTrue();
        assertThat(mqtt.get("problem").isNull()).isTrue();
    }

    private static long connectionFailures(RunningAgent agent) throws IOException, InterruptedException {
        Matcher matcher = FAILURES.matcher(agent.get("/metrics").body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    private <T extends AutoCloseable> T use(T resource) {
        resources.add(resource);
        return resource;
    }
}
