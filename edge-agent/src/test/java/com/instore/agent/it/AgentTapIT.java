package com.instore.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.Offer;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The kiosk against a real broker, with a Paho client playing the hub; everything checked over real HTTP. */
class AgentTapIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path tempDir;
    static TestBroker broker;
    static RunningAgent agent;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start(tempDir.resolve("broker"));
        hub = new TestHub(broker.uri(), RunningAgent.KIOSK);
        agent = new RunningAgent(tempDir, broker.uri(), Map.of("agent.answer-timeout-ms", "800"));
        await().atMost(WAIT).until(agent::mqttConnected);
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void waitForIdleScreen() {
        // Each test starts from a screen that is not waiting for an answer.
        await().atMost(WAIT).until(() -> !agent.screen().get("state").asText().equals("tap"));
    }

    @Test
    void tap_answeredByHub_showsMemberWithGreeting() throws Exception {
        String tapId = agent.tap("04A22B1A5C8001");

        TapEvent tap = hub.nextTap(WAIT);
        assertThat(tap.id()).isEqualTo(tapId);
        assertThat(tap.kioskId()).isEqualTo("entrance");
        assertThat(tap.credential().value()).isEqualTo("04A22B1A5C8001");
        hub.answerMember(tapId, "Hello Camille", List.of(new Offer("o-1", "2-for-1 espresso", "Today only")));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode screen = agent.screen();
            assertThat(screen.get("state").asText()).isEqualTo("member");
            assertThat(screen.get("tapId").asText()).isEqualTo(tapId);
            assertThat(screen.get("greeting").asText()).isEqualTo("Hello Camille");
            assertThat(screen.get("offers").get(0).get("title").asText()).isEqualTo("2-for-1 espresso");
        });
    }

    @Test
    void tap_unknownCard_showsWelcome() throws Exception {
        String tapId = agent.tap("04FFFFFFFF0000");
        hub.nextTap(WAIT);

        hub.answerWelcome(tapId);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode screen = agent.screen();
            assertThat(screen.get("state").asText()).isEqualTo("welcome");
            assertThat(screen.get("joinUrl").asText()).isEqualTo("http://hub.local:8080/join");
        });
    }

    @Test
    void tap_withoutAnswer_showsOfflineAfterTheTimeout() throws Exception {
        String tapId = agent.tap("04000000000001");
        assertThat(hub.nextTap(WAIT).id()).isEqualTo(tapId);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode screen = agent.screen();
            assertThat(screen.get("state").asText()).isEqualTo("offline");
            assertThat(screen.get("tapId").asText()).isEqualTo(tapId);
            assertThat(screen.get("message").asText()).isEqualTo("Your visit is recorded.");
        });
    }

    @Test
    void answer_toAnOldTap_isNotShownToTheNextShopper() throws Exception {
        String oldTap = agent.tap("04000000000002");
        hub.nextTap(WAIT);
        String newTap = agent.tap("04000000000003");
        hub.nextTap(WAIT);

        hub.answerMember(oldTap, "Hello Previous", List.of());
        hub.answerMember(newTap, "Hello Current", List.of());

        await().atMost(WAIT).untilAsserted(() -> assertThat(agent.screen().get("greeting").asText())
                .isEqualTo("Hello Current"));
        assertThat(agent.get("/metrics").body()).containsPattern("kiosk_answers_ignored_total [1-9]");
    }

    @Test
    void burstOfTaps_beyondTheBrokersReceiveMaximum_allArriveInOrder() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < TestBroker.RECEIVE_MAXIMUM * 4; i++) {
            sent.add(agent.tap(String.format("04B0%010d", i)));
        }

        List<String> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            received.add(hub.nextTap(WAIT).id());
        }

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void status_isRetainedOnlineWithDeviceHealth() throws Exception {
        try (TestHub late = new TestHub(broker.uri(), RunningAgent.KIOSK)) {
            await().atMost(WAIT).until(() -> !late.statuses().isEmpty());
            KioskStatus status = late.statuses().getLast();
            assertThat(status.presence()).isEqualTo(KioskStatus.Presence.ONLINE);
            assertThat(status.kioskId()).isEqualTo("entrance");
            assertThat(status.reader().detail()).isEqualTo("simulated reader");
            assertThat(status.screen()).isEqualTo(DeviceHealth.ok("serving " + agent.baseUrl() + "/"));
        }
    }

    @Test
    void online_isSaidOnlyOnceTheScreenServesAndTheReaderIsOpen() {
        // The link connects while the agent is still starting (the screen server, the reader): a hub that lists the
        // kiosk online must be able to reach its screen.
        await().atMost(WAIT).until(() -> hub.statuses().stream().anyMatch(s -> s.presence() == KioskStatus.Presence.ONLINE));
        assertThat(List.copyOf(hub.statuses())).filteredOn(s -> s.presence() == KioskStatus.Presence.ONLINE)
                .isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.screen()).isEqualTo(DeviceHealth.ok("serving " + agent.baseUrl() + "/"));
                    assertThat(s.reader()).isEqualTo(DeviceHealth.ok("simulated reader"));
                });
    }

    @Test
    void simulateTap_badJsonOrUnknownType_is400WithAReason() throws Exception {
        HttpResponse<String> notJson = agent.post("/simulate/tap", "{\"type\":");
        HttpResponse<String> unknownType = agent.post("/simulate/tap", "{\"type\":\"BARCODE\",\"value\":\"1\"}");
        HttpResponse<String> noValue = agent.post("/simulate/tap", "{\"type\":\"CARD_UID\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(unknownType.body()).contains("BARCODE").contains("CARD_UID");
        assertThat(noValue.statusCode()).isEqualTo(400);
        assertThat(noValue.body()).contains("value");
    }

    @Test
    void health_isUpWithMqttConnected() throws Exception {
        JsonNode health = RunningAgent.json(agent.get("/health").body());

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("mqtt").get("connected").asBoolean()).isTrue();
    }

    @Test
    void metrics_exposeTapsAnswersTimeoutsLatencyAndReconnects() throws Exception {
        String tapId = agent.tap("04000000000004");
        hub.nextTap(WAIT);
        hub.answerMember(tapId, "Hello Metrics", List.of());
        await().atMost(WAIT).until(() -> agent.screen().get("state").asText().equals("member"));

        HttpResponse<String> metrics = agent.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        metrics.body().lines().filter(line -> line.startsWith("kiosk_tap_to_screen_seconds"))
                .forEach(line -> System.out.println("observed " + line));
        assertThat(metrics.body()).contains("kiosk_taps_total", "kiosk_answers_total", "kiosk_answer_timeouts_total",
                "kiosk_tap_to_screen_seconds_count", "kiosk_mqtt_reconnects_total", "kiosk_mqtt_connected 1.0");
    }

    @Test
    void page_andAssets_areServedLocally() throws Exception {
        Set<Integer> codes = new HashSet<>();
        for (String path : List.of("/", "/kiosk.css", "/kiosk.js")) {
            codes.add(agent.get(path).statusCode());
        }

        assertThat(codes).containsExactly(200);
        assertThat(agent.get("/").body()).contains("id=\"greeting\"").doesNotContain("https://");
    }
}
