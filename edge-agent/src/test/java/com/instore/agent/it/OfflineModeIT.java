package com.instore.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The kiosk with the hub away: instant local answers, refusals when the outbox is full, no late answers on screen. */
class OfflineModeIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern IGNORED = Pattern.compile("kiosk_answers_ignored_total (\\d+)");

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
    void tapWhileTheHubIsAway_saysRecordedAtOnce_notAfterTheAnswerTimeout() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        RunningAgent agent = use(new RunningAgent(tempDir, broker.uri(), Map.of("agent.answer-timeout-ms", "60000")));
        await().atMost(WAIT).until(agent::mqttConnected);
        broker.stop();
        await().atMost(WAIT).until(() -> !agent.mqttConnected());

        String tapId = agent.tap("04D00000000001");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode screen = agent.screen();
            assertThat(screen.get("tapId").asText()).isEqualTo(tapId);
            assertThat(screen.get("state").asText()).isEqualTo("offline");
            assertThat(screen.get("message").asText()).isEqualTo("Your visit is recorded.");
        });
    }

    @Test
    void outboxFull_refusesTheTapOnScreen_reportsItInHealth_andInTheStatusOnReconnect() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        TcpProxy proxy = use(new TcpProxy(broker.port()));
        TestHub hub = use(new TestHub(broker.uri(), RunningAgent.KIOSK));
        hub.autoAnswer(); // the outbox has room again once the hub answered the kept taps
        RunningAgent agent = use(new RunningAgent(tempDir, proxy.uri(), Map.of("agent.outbox.capacity", "2")));
        await().atMost(WAIT).until(agent::mqttConnected);
        proxy.pause();
        proxy.cutAll();
        await().atMost(WAIT).until(() -> !agent.mqttConnected());
        List<String> kept = List.of(agent.tap("04D00000000002"), agent.tap("04D00000000003"));

        String refused = agent.tap("04D00000000004");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode screen = agent.screen();
            assertThat(screen.get("tapId").asText()).isEqualTo(refused);
            assertThat(screen.get("state").asText()).isEqualTo("refused");
            assertThat(screen.get("message").asText()).contains("cannot record your visit");
        });
        JsonNode health = RunningAgent.json(agent.get("/health").body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("outbox").get("state").asText()).isEqualTo("DEGRADED");
        assertThat(health.get("outbox").get("detail").asText()).startsWith("outbox full: 2 taps waiting");
        proxy.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.seenTapIds().containsAll(kept));
        assertThat(hub.seenTapIds()).doesNotContain(refused);
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.statuses()).anySatisfy(status -> {
            assertThat(status.presence()).isEqualTo(KioskStatus.Presence.ONLINE);
            assertThat(status.screen().state()).isEqualTo(DeviceHealth.State.DEGRADED);
            assertThat(status.screen().detail()).contains("outbox full: 2 taps waiting");
        }));
        await().atMost(WAIT).until(() -> hub.statuses().getLast().screen() != null
                && hub.statuses().getLast().screen().state() == DeviceHealth.State.OK);
    }

    @Test
    void answerThatExpiredWhileTheKioskWasAway_isNeverDelivered() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        TcpProxy proxy = use(new TcpProxy(broker.port()));
        TestHub hub = use(new TestHub(broker.uri(), RunningAgent.KIOSK));
        RunningAgent agent = use(new RunningAgent(tempDir, proxy.uri(), Map.of()));
        await().atMost(WAIT).until(agent::mqttConnected);
        String tapId = agent.tap("04D00000000005");
        hub.nextTap(WAIT);
        proxy.pause();
        proxy.cutAll();
        await().atMost(WAIT).until(() -> !agent.mqttConnected());

        hub.answerMember(tapId, "Hello Late", List.of());
        // The answer waits in the kiosk's session at the broker; its 5 s message expiry runs out meanwhile.
        Thread.sleep(Duration.ofSeconds(6));
        proxy.resume();
        await().atMost(Duration.ofSeconds(30)).until(agent::mqttConnected);
        hub.answerMember("01a213a0-0795-75f0-9873-a85342d2ac24", "Hello Probe", List.of());

        // The probe (for no tap on screen) is counted as ignored; the expired answer, queued before it, never came.
        await().atMost(WAIT).until(() -> ignored(agent) >= 1);
        assertThat(ignored(agent)).isEqualTo(1);
        assertThat(agent.screen().get("greeting").asText()).isNotEqualTo("Hello Late");
    }

    private static long ignored(RunningAgent agent) throws Exception {
        Matcher matcher = IGNORED.matcher(agent.get("/metrics").body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    private <T extends AutoCloseable> T use(T resource) {
        resources.add(resource);
        return resource;
    }
}
