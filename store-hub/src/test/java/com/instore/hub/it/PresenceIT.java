package com.instore.hub.it;

import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kiosk presence from retained statuses and the MQTT Will, as staff see it in GET /api/kiosks. */
class PresenceIT {
    static final String STATUS = "stores/demo-store/kiosks/checkout/status";

    @TempDir
    static Path dir;
    static RunningHub hub;
    final MessageCodec codec = new MessageCodec();

    @BeforeAll
    static void startHub() throws Exception {
        hub = RunningHub.start(dir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void kiosk_droppedAbruptly_isOfflineByItsWill_andOnlineAgainAfterItsRetainedStatus() throws Exception {
        assertThat(hub.kioskView("checkout").get("online").asBoolean()).isFalse();
        assertThat(hub.kioskView("checkout").get("lastSeen").isNull()).isTrue();

        try (TcpProxy cable = new TcpProxy(hub.hub.mqttPort());
             TestClient checkout = TestClient.connect(cable.port(), "kiosk-demo-store-checkout", "demo-store/checkout",
                     hub.kioskSecret("checkout"), STATUS, codec.encode(status(KioskStatus.Presence.OFFLINE)))) {
            checkout.publish(STATUS, codec.encode(status(KioskStatus.Presence.ONLINE)), true);
            await().atMost(10, TimeUnit.SECONDS).until(() -> hub.kioskView("checkout").get("online").asBoolean());
            assertThat(hub.kioskView("checkout").get("version").asText()).isEqualTo("0.1.0");
            assertThat(hub.kioskView("checkout").get("reader").get("state").asText()).isEqualTo("OK");
            assertThat(hub.kioskView("checkout").get("lastSeen").asText()).isNotEmpty();

            cable.close();

            await().atMost(15, TimeUnit.SECONDS).until(() -> !hub.kioskView("checkout").get("online").asBoolean());
        }

        try (TestClient checkout = hub.kiosk("checkout")) {
            checkout.publish(STATUS, codec.encode(status(KioskStatus.Presence.ONLINE)), true);
            await().atMost(10, TimeUnit.SECONDS).until(() -> hub.kioskView("checkout").get("online").asBoolean());
        }
    }

    @Test
    void kiosks_listsEveryDeclaredKioskWithItsZone() throws Exception {
        assertThat(hub.getJson("/api/kiosks")).extracting(k -> k.get("kioskId").asText() + "@" + k.get("zone").asText())
                .containsExactlyInAnyOrder("entrance@entrance", "coffee@coffee", "checkout@checkout");
        assertThat(hub.getJson("/api/kiosks")).allSatisfy(k -> assertThat(k.get("storeId").asText())
                .isEqualTo("demo-store"));
    }

    private static KioskStatus status(KioskStatus.Presence presence) {
        return new KioskStatus(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "checkout", presence,
                "0.1.0", presence == KioskStatus.Presence.ONLINE ? DeviceHealth.ok("simulated") : null, null, null);
    }
}
