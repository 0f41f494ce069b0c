package com.instore.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The link when things go wrong: a connection that dies, a broker that restarts, taps made while offline. */
class LinkResilienceIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(45);

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
    void connectionDyingAbruptly_publishesTheWillOffline_thenOnlineAgainAfterReconnect() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        TcpProxy proxy = use(new TcpProxy(broker.port()));
        TestHub hub = use(new TestHub(broker.uri(), RunningAgent.KIOSK));
        RunningAgent agent = use(new RunningAgent(tempDir, proxy.uri(), Map.of()));
        await().atMost(WAIT).until(() -> lastPresence(hub) == KioskStatus.Presence.ONLINE);

        proxy.cutAll();

        await().atMost(WAIT).until(() -> lastPresence(hub) == KioskStatus.Presence.OFFLINE);
        KioskStatus will = hub.statuses().getLast();
        assertThat(will.kioskId()).isEqualTo("entrance");
        await().atMost(RECONNECT_WAIT).until(() -> lastPresence(hub) == KioskStatus.Presence.ONLINE);
        await().atMost(WAIT).until(agent::mqttConnected);
        assertThat(agent.get("/metrics").body()).containsPattern("kiosk_mqtt_reconnects_total [1-9]");
    }

    @Test
    void brokerRestart_agentReconnectsByItself_andANewTapIsAnswered() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        RunningAgent agent = use(new RunningAgent(tempDir, broker.uri(), Map.of()));
        await().atMost(WAIT).until(agent::mqttConnected);

        broker.stop();
        await().atMost(WAIT).until(() -> !agent.mqttConnected());
        broker.restart();
        await().atMost(RECONNECT_WAIT).until(agent::mqttConnected);

        // The restarted broker lost the session: the agent must have subscribed to its screen topic again.
        TestHub hub = use(new TestHub(broker.uri(), RunningAgent.KIOSK));
        String tapId = agent.tap("04A22B1A5C8001");
        assertThat(hub.nextTap(WAIT).id()).isEqualTo(tapId);
        hub.answerMember(tapId, "Hello again", List.of());
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode screen = agent.screen();
            assertThat(screen.get("state").asText()).isEqualTo("member");
            assertThat(screen.get("greeting").asText()).isEqualTo("Hello again");
        });
    }

    @Test
    void tapsWhileOffline_showOfflineAtOnce_andAreDeliveredInOrderAfterReconnect() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        RunningAgent agent = use(new RunningAgent(tempDir, broker.uri(), Map.of()));
        await().atMost(WAIT).until(agent::mqttConnected);
        broker.stop();
        await().atMost(WAIT).until(() -> !agent.mqttConnected());

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(agent.tap(String.format("04C0%010d", i)));
        }
        await().atMost(WAIT).until(() -> agent.screen().get("state").asText().equals("offline"));
        broker.restart();
        TestHub hub = use(new TestHub(broker.uri(), RunningAgent.KIOSK));

        List<String> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            TapEvent tap = hub.nextTap(RECONNECT_WAIT);
            received.add(tap.id());
        }
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void cleanShutdown_leavesARetainedOfflineStatus() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        TestHub hub = use(new TestHub(broker.uri(), RunningAgent.KIOSK));
        RunningAgent agent = new RunningAgent(tempDir, broker.uri(), Map.of());
        await().atMost(WAIT).until(() -> lastPresence(hub) == KioskStatus.Presence.ONLINE);

        agent.close();

        await().atMost(WAIT).until(() -> lastPresence(hub) == KioskStatus.Presence.OFFLINE);
        try (TestHub late = new TestHub(broker.uri(), RunningAgent.KIOSK)) {
            await().atMost(WAIT).until(() -> lastPresence(late) == KioskStatus.Presence.OFFLINE);
        }
    }

    private static KioskStatus.Presence lastPresence(TestHub hub) {
        List<KioskStatus> statuses = hub.statuses();
        return statuses.isEmpty() ? null : statuses.getLast().presence();
    }

    private <T extends AutoCloseable> T use(T resource) {
        resources.add(resource);
        return resource;
    }
}
