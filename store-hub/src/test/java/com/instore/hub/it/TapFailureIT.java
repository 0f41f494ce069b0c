package com.instore.hub.it;

import com.instore.protocol.Credential;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tap whose transaction fails is not acknowledged and is processed later, exactly once: the real hub (HiveMQ, SQLite)
 * while another process-like connection holds SQLite's write lock, so the hub's batch fails for real (SQLITE_BUSY after
 * the busy timeout), then the lock goes away. The broker hands kiosks' taps to the hub in-process and holds the kiosk's
 * PUBACK until the hub is done with the tap, so the kiosk itself sees no acknowledgement meanwhile.
 */
class TapFailureIT {
    static final String SCREEN = "stores/demo-store/kiosks/coffee/screen";
    static final String TAP = "stores/demo-store/kiosks/coffee/tap";
    static final String CAMILLE = "04A22B1A5C8001";

    @TempDir
    Path dir;

    final MessageCodec codec = new MessageCodec();

    @Test
    void tap_whileTheDatabaseRefusesWrites_isNotAcknowledgedAndIsAnsweredOnceAfterwards() throws Exception {
        try (RunningHub hub = RunningHub.start(dir); TestClient coffee = hub.kiosk("coffee")) {
            IMqttToken puback;
            coffee.subscribe(SCREEN);
            coffee.publish(TAP, codec.encode(tap(CAMILLE)), false);
            TapFlowIT.next(coffee);
            TapEvent tap = tap(CAMILLE);

            try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"));
                 Statement s = lock.createStatement()) {
                s.execute("BEGIN IMMEDIATE"); // SQLite's write lock: the hub's commits wait, then fail
                puback = coffee.publishWithoutWaiting(TAP, codec.encode(tap));
                await().atMost(40, TimeUnit.SECONDS).untilAsserted(() -> assertThat(Metrics.sample(
                        hub.get("/metrics").body(), "hub_taps_failed_total").orElse(0)).isGreaterThanOrEqualTo(1.0));
                assertThat(puback.isComplete()).as("PUBACK while the tap is not committed").isFalse();
                assertThat(coffee.received).isEmpty();
                assertThat(hub.queryLong("SELECT COUNT(*) FROM taps WHERE tap_id = '" + tap.id() + "'")).isZero();
                s.execute("ROLLBACK");
            }

            TestClient.Received got = coffee.received.poll(30, TimeUnit.SECONDS);
            puback.waitForCompletion(10_000); // sent right after the answer
            assertThat(puback.getReasonCodes()).as("PUBACK once the tap is committed").containsExactly(TestClient.TAKEN_IN_PROCESS);
            assertThat(got).as("the answer once the database takes writes again").isNotNull();
            assertThat(new String(got.message().getProperties().getCorrelationData(), StandardCharsets.UTF_8))
                    .isEqualTo(tap.id());
            assertThat(codec.decode(got.message().getPayload(), ScreenUpdate.class).kind())
                    .isEqualTo(ScreenUpdate.Kind.MEMBER);
            assertThat(hub.queryLong("SELECT COUNT(*) FROM taps WHERE tap_id = '" + tap.id() + "'")).isEqualTo(1);
            assertThat(hub.queryLong("SELECT COUNT(*) FROM taps")).isEqualTo(2);
            assertThat(Metrics.sample(hub.get("/metrics").body(), "hub_taps_duplicate_total")).hasValue(0.0);
        }
    }

    private static TapEvent tap(String uid) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "coffee", "it-reader",
                new Credential(Credential.Type.CARD_UID, uid), 1);
    }
}
