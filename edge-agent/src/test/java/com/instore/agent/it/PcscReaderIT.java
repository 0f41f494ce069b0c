package com.instore.agent.it;

import com.instore.protocol.Credential;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.TapEvent;
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
 * The agent with {@code reader: pcsc} against the real PC/SC stack (javax.smartcardio -> pcsc-lite -> pcscd -> vpcd ->
 * vicc running the devices module's Python cards) and a real broker: a card on the virtual reader is a tap at the hub.
 */
class PcscReaderIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path tempDir;
    static TestBroker broker;
    static TestHub hub;
    static RunningAgent agent;

    @BeforeAll
    static void start() throws Exception {
        VirtualCards.requirePcscd();
        broker = TestBroker.start(tempDir.resolve("broker"));
        hub = new TestHub(broker.uri(), RunningAgent.KIOSK);
        agent = new RunningAgent(tempDir, broker.uri(), Map.of("agent.reader.type", "pcsc",
                "agent.reader.reader", VirtualCards.VIRTUAL_READER, "agent.reader.poll-ms", "20"));
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

    @Test
    void reader_online_reachesTheKioskStatus() {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(hub.lastStatus()).isNotNull();
            DeviceHealth reader = hub.lastStatus().reader();
            assertThat(reader.state()).isEqualTo(DeviceHealth.State.OK);
            assertThat(reader.detail()).contains(VirtualCards.VIRTUAL_READER);
        });
    }

    @Test
    void plainCard_onTheVirtualReader_isATapEventAtTheHub() throws Exception {
        try (VirtualCards.Card ignored = VirtualCards.insert("plain")) {
            TapEvent tap = hub.nextTap(WAIT);

            assertThat(tap.credential()).isEqualTo(new Credential(Credential.Type.CARD_UID, "A1B2C3D4"));
            assertThat(tap.reader()).isEqualTo(VirtualCards.VIRTUAL_READER);
            assertThat(tap.kioskId()).isEqualTo("entrance");
            await().atMost(WAIT).untilAsserted(() -> assertThat(agent.screen().get("tapId").asText())
                    .isEqualTo(tap.id()));
        }
    }

    @Test
    void garbageCard_asksTheShopperToTryAgain() throws Exception {
        await().atMost(WAIT).until(() -> !agent.screen().get("state").asText().equals("tap"));
        try (VirtualCards.Card ignored = VirtualCards.insert("garbage")) {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(agent.screen().get("state").asText()).isEqualTo("unread");
                assertThat(agent.screen().get("greeting").asText()).isEqualTo("Card not read, please try again");
            });
        }
    }
}
