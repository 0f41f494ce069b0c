package com.instore.hub.it;

import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.Credential;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The broker's identities and per-topic permissions, exercised with real Paho v5 clients. */
class BrokerSecurityIT {
    static final int NOT_AUTHORIZED = 135;
    static final String ENTRANCE_SCREEN = "stores/demo-store/kiosks/entrance/screen";
    static final String ENTRANCE_TAP = "stores/demo-store/kiosks/entrance/tap";
    static final byte[] HELLO = "{}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static RunningHub hub;

    @BeforeAll
    static void startHub() throws Exception {
        hub = RunningHub.start(dir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void kiosk_publishingUnderAnotherKiosk_isRefusedWith135_andNothingArrives() throws Exception {
        try (TestClient entrance = hub.kiosk("entrance"); TestClient coffee = hub.kiosk("coffee")) {
            assertThat(entrance.subscribe(ENTRANCE_SCREEN)).containsExactly(1);

            assertThat(coffee.publish(ENTRANCE_SCREEN, "forged".getBytes(StandardCharsets.UTF_8), false))
                    .containsExactly(NOT_AUTHORIZED);

            // HiveMQ refused the forgery before its PUBACK; a marker the entrance may publish itself comes after it, so
            // the first message the entrance's subscriber sees must be the marker.
            assertThat(entrance.publish(ENTRANCE_SCREEN, "marker".getBytes(StandardCharsets.UTF_8), false))
                    .containsExactly(0);
            assertThat(TapFlowIT.next(entrance).text()).isEqualTo("marker");
            // HiveMQ CE also disconnects an MQTT 5 client after a refused PUBLISH (hard-wired in the broker).
            await().atMost(5, TimeUnit.SECONDS).until(() -> !coffee.client.isConnected());
        }
    }

    @Test
    void kiosk_publishingATapUnderAnotherKiosk_isRefusedWith135_andTheHubNeverTakesIt() throws Exception {
        MessageCodec codec = new MessageCodec();
        TapEvent forged = tap("entrance");
        TapEvent own = tap("entrance");
        try (TestClient entrance = hub.kiosk("entrance"); TestClient coffee = hub.kiosk("coffee")) {
            assertThat(entrance.subscribe(ENTRANCE_SCREEN)).containsExactly(1);

            // The broker takes kiosks' taps in-process before its own permission check: the forgery must not slip in.
            assertThat(coffee.publish(ENTRANCE_TAP, codec.encode(forged), false)).containsExactly(NOT_AUTHORIZED);
            assertThat(entrance.publish(ENTRANCE_TAP, codec.encode(own), false)).containsExactly(TestClient.TAKEN_IN_PROCESS);

            assertThat(codec.decode(TapFlowIT.next(entrance).message().getPayload(),
                    ScreenUpdate.class).tapId()).isEqualTo(own.id());
            assertThat(hub.queryLong("SELECT COUNT(*) FROM taps WHERE tap_id = '" + forged.id() + "'")).isZero();
            assertThat(entrance.received).isEmpty();
        }
    }

    private static TapEvent tap(String kioskId) {
        return new TapEvent(SchemaVersion.CURRENT,
                UUID.randomUUID().toString(), Instant.now(), kioskId, "it-reader",
                new Credential(Credential.Type.CARD_UID, "04A22B1A5C8001"), 1);
    }

    @Test
    void kiosk_subscribingToAnotherKiosk_getsASubackFailure() throws Exception {
        try (TestClient coffee = hub.kiosk("coffee")) {
            assertThat(coffee.subscribe(ENTRANCE_SCREEN)).containsExactly(NOT_AUTHORIZED);
            assertThat(coffee.subscribe("stores/#")).containsExactly(NOT_AUTHORIZED);
            assertThat(coffee.subscribe("stores/demo-store/kiosks/coffee/#")).containsExactly(1);
        }
    }

    @Test
    void connect_withoutUserName_isRefused() {
        assertRefused(() -> TestClient.connect(hub.hub.mqttPort(), "anonymous-1", null, null));
    }

    @Test
    void connect_withWrongPasswordOrUnknownUser_isRefused() {
        assertRefused(() -> TestClient.connect(hub.hub.mqttPort(), "kiosk-demo-store-coffee", "demo-store/coffee",
                SecretFile.newSecret()));
        assertRefused(() -> TestClient.connect(hub.hub.mqttPort(), "kiosk-demo-store-ghost", "demo-store/ghost",
                hub.kioskSecret("coffee")));
        assertRefused(() -> TestClient.connect(hub.hub.mqttPort(), "hub-demo-store", "hub", hub.kioskSecret("coffee")));
        assertRefused(() -> TestClient.connect(hub.hub.mqttPort(), "x", "monitor", "wrong"));
    }

    @Test
    void connect_kioskUsingAnotherKiosksClientId_isRefused() {
        assertRefused(() -> TestClient.connect(hub.hub.mqttPort(), "kiosk-demo-store-entrance", "demo-store/coffee",
                hub.kioskSecret("coffee")));
    }

    @Test
    void monitor_seesTapsOfEveryKiosk_butCannotPublish() throws Exception {
        try (TestClient monitor = hub.monitor("staff-laptop"); TestClient coffee = hub.kiosk("coffee")) {
            assertThat(monitor.subscribe("stores/#")).containsExactly(1);

            coffee.publish("stores/demo-store/kiosks/coffee/tap", "not a tap".getBytes(StandardCharsets.UTF_8), false);

            // Retained messages under stores/# (desired configurations, statuses) come first: skip them.
            TestClient.Received seen = TapFlowIT.next(monitor);
            while (seen.message().isRetained()) {
                seen = TapFlowIT.next(monitor);
            }
            assertThat(seen.topic()).isEqualTo("stores/demo-store/kiosks/coffee/tap");
            assertThat(monitor.publish(ENTRANCE_SCREEN, HELLO, false)).containsExactly(NOT_AUTHORIZED);
        }
    }

    private static void assertRefused(Connect connect) {
        assertThatThrownBy(connect::run).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).as("CONNACK reason").isIn(133, 134, 135));
    }

    @FunctionalInterface
    interface Connect {
        TestClient run() throws Exception;
    }
}
