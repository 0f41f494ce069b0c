package com.instore.hub.it;

import com.instore.protocol.Credential;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Taps through the real hub: HiveMQ, the hub's Paho client, SQLite; kiosks are real Paho clients. */
class TapFlowIT {
    static final String SCREEN = "stores/demo-store/kiosks/coffee/screen";
    static final String TAP = "stores/demo-store/kiosks/coffee/tap";
    static final String CAMILLE = "04A22B1A5C8001";

    @TempDir
    static Path dir;
    static RunningHub hub;

    final MessageCodec codec = new MessageCodec();
    TestClient coffee;

    @BeforeAll
    static void startHub() throws Exception {
        hub = RunningHub.start(dir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void connectKiosk() throws Exception {
        coffee = hub.kiosk("coffee");
        assertThat(coffee.subscribe(SCREEN)).containsExactly(1);
    }

    @AfterEach
    void disconnectKiosk() {
        coffee.close();
    }

    @Test
    void tap_camillesCard_kioskReceivesHerGreetingCorrelatedToTheTap() throws Exception {
        TapEvent tap = tap(CAMILLE);

        assertThat(coffee.publish(TAP, codec.encode(tap), false)).containsExactly(TestClient.TAKEN_IN_PROCESS);

        TestClient.Received got = next(coffee);
        ScreenUpdate answer = codec.decode(got.message().getPayload(), ScreenUpdate.class);
        assertThat(got.topic()).isEqualTo(SCREEN);
        assertThat(new String(got.message().getProperties().getCorrelationData(), StandardCharsets.UTF_8))
                .isEqualTo(tap.id());
        assertThat(got.message().getProperties().getMessageExpiryInterval()).isBetween(1L, 5L);
        assertThat(answer.tapId()).isEqualTo(tap.id());
        assertThat(answer.kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);
        assertThat(answer.greeting()).contains("Camille");
        assertThat(answer.member().tier()).isEqualTo("GOLD");
        assertThat(answer.offers()).isNotEmpty();
    }

    @Test
    void tap_isAcknowledgedOnlyOnceItsRowIsCommitted() throws Exception {
        TapEvent tap = tap(CAMILLE);

        // The PUBACK is the hub's promise that the tap is kept: the row is there the moment it arrives.
        assertThat(coffee.publish(TAP, codec.encode(tap), false)).containsExactly(TestClient.TAKEN_IN_PROCESS);

        assertThat(hub.queryLong("SELECT COUNT(*) FROM taps WHERE tap_id = '" + tap.id() + "'")).isEqualTo(1);
        assertThat(codec.decode(next(coffee).message().getPayload(), ScreenUpdate.class).tapId()).isEqualTo(tap.id());
    }

    @Test
    void tap_unknownCard_showsWelcomeWithJoinUrl() throws Exception {
        TapEvent tap = tap("04DEADBEEF0001");

        coffee.publish(TAP, codec.encode(tap), false);

        ScreenUpdate answer = codec.decode(next(coffee).message().getPayload(), ScreenUpdate.class);
        assertThat(answer.tapId()).isEqualTo(tap.id());
        assertThat(answer.kind()).isEqualTo(ScreenUpdate.Kind.WELCOME);
        assertThat(answer.joinUrl()).startsWith(RunningHub.PUBLIC_URL + "/join/");
        assertThat(answer.member()).isNull();
    }

    @Test
    void tap_publishedTwice_getsTwoIdenticalAnswersAndIsCountedOnce() throws Exception {
        TapEvent tap = tap(CAMILLE);
        byte[] payload = codec.encode(tap);
        coffee.publish(TAP, payload, false);
        byte[] first = next(coffee).message().getPayload();
        String before = hub.get("/metrics").body();

        coffee.publish(TAP, payload, false);
        byte[] second = next(coffee).message().getPayload();

        assertThat(second).isEqualTo(first);
        assertThat(hub.queryLong("SELECT COUNT(*) FROM taps WHERE tap_id = '" + tap.id() + "'")).isEqualTo(1);
        assertThat(hub.queryLong("SELECT points FROM members WHERE member_id = 'm-0001'")).isEqualTo(1840);
        String after = hub.get("/metrics").body();
        String recognised = "hub_taps_total{result=\"recognised\"}";
        assertThat(Metrics.sample(after, recognised)).isEqualTo(Metrics.sample(before, recognised));
        assertThat(Metrics.sample(after, "hub_taps_duplicate_total").orElseThrow())
                .isEqualTo(Metrics.sample(before, "hub_taps_duplicate_total").orElseThrow() + 1);
    }

    @Test
    void tap_malformedJson_isCountedAndDropped_andTheNextTapIsAnswered() throws Exception {
        coffee.publish(TAP, "{\"v\":1,\"id\":".getBytes(StandardCharsets.UTF_8), false);
        TapEvent good = tap(CAMILLE);
        coffee.publish(TAP, codec.encode(good), false);

        assertThat(codec.decode(next(coffee).message().getPayload(), ScreenUpdate.class).tapId()).isEqualTo(good.id());
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(Metrics.sample(hub.get("/metrics").body(),
                "hub_messages_invalid_total{kiosk=\"coffee\",reason=\"not_json\"}")).hasValue(1.0));
    }

    @Test
    void dashboard_listsKiosksAndLastTapsWithoutAnyFirstName_andHealthIsUp() throws Exception {
        coffee.publish(TAP, codec.encode(tap(CAMILLE)), false);
        next(coffee);

        HttpResponse<String> page = hub.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(hub.get("/api/dashboard").body())
                .contains("entrance", "coffee", "checkout", "Gold member - coffee - ")
                .doesNotContain("Camille", "Lucas", "m-0001"));
        HttpResponse<String> health = hub.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(hub.getJson("/health").get("status").asText()).isEqualTo("UP");
        assertThat(hub.getJson("/health").get("checks").get("db").asText()).isEqualTo("UP");
    }

    private static TapEvent tap(String uid) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "coffee", "it-reader",
                new Credential(Credential.Type.CARD_UID, uid), 1);
    }

    static TestClient.Received next(TestClient client) throws InterruptedException {
        TestClient.Received got = client.received.poll(10, TimeUnit.SECONDS);
        assertThat(got).as("a message within 10 s").isNotNull();
        return got;
    }
}
