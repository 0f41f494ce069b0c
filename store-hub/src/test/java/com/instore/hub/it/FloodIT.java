package com.instore.hub.it;

import com.instore.protocol.Credential;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One kiosk floods the hub with 5,000 messages (valid taps beyond its rate, malformed JSON, a wrong schema version, another
 * kiosk's id in the payload) while another kiosk keeps tapping: every one of the quiet kiosk's taps is answered, the
 * flood is counted per kiosk and reason. The quiet kiosk's latency is printed, not asserted.
 */
class FloodIT {
    private static final String FLOOD_TAP = "stores/demo-store/kiosks/entrance/tap";
    private static final String QUIET_TAP = "stores/demo-store/kiosks/coffee/tap";
    private static final int FLOOD = 5_000;

    @TempDir
    static Path dir;
    static RunningHub hub;
    private final MessageCodec codec = new MessageCodec();

    @BeforeAll
    static void startHub() throws Exception {
        hub = RunningHub.start(dir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void floodingKiosk_isCountedAndLimited_whileAnotherKiosksTapsAreAnswered() throws Exception {
        try (TestClient flooder = hub.kiosk("entrance"); TestClient quiet = hub.kiosk("coffee")) {
            quiet.subscribe("stores/demo-store/kiosks/coffee/screen");
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> flood(flooder));
            List<Long> micros = new ArrayList<>();
            while (!flood.isDone() || micros.size() < 20) {
                micros.add(tapAndAwaitAnswer(quiet));
                // A quiet kiosk: 20 taps a second, well inside its own rate limit (burst 500, 100/s), which a loop
                // tapping again at each answer (sub-millisecond) would exceed within seconds.
                Thread.sleep(50);
            }
            flood.join();

            String metrics = hub.get("/metrics").body();
            assertThat(Metrics.sample(metrics, invalid("not_json")).orElse(0)).isPositive();
            assertThat(Metrics.sample(metrics, invalid("kiosk_mismatch"))).isPresent();
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(Metrics.sample(hub.get("/metrics")
                    .body(), invalid("rate_limited")).orElse(0)).isPositive());
            micros.sort(Long::compare);
            System.out.printf("FloodIT: %d flood messages from entrance; coffee answered %d taps, latency p50 %d us,"
                            + " max %d us; %s%n", FLOOD, micros.size(), micros.get(micros.size() / 2), micros.getLast(),
                    metrics.lines().filter(l -> l.startsWith("hub_messages_invalid_total")).toList());
        }
    }

    private long tapAndAwaitAnswer(TestClient quiet) throws Exception {
        TapEvent tap = tap("coffee", "04A22B1A5C8001");
        long start = System.nanoTime();
        quiet.publish(QUIET_TAP, codec.encode(tap), false);
        while (true) {
            TestClient.Received got = quiet.received.poll(30, TimeUnit.SECONDS);
            assertThat(got).as("an answer to the quiet kiosk's tap within 30 s").isNotNull();
            if (codec.decode(got.message().getPayload(), ScreenUpdate.class).tapId().equals(tap.id())) {
                return (System.nanoTime() - start) / 1_000;
            }
        }
    }

    private void flood(TestClient flooder) {
        byte[] malformed = "{\"v\":1,\"id\":".getBytes(StandardCharsets.UTF_8);
        byte[] futureVersion = codec.encode(tap("entrance", "04FFEEDDCCBBAA")).clone();
        String wrongVersion = new String(futureVersion, StandardCharsets.UTF_8).replaceFirst("\"v\":\\d+", "\"v\":999");
        try {
            for (int i = 0; i < FLOOD; i++) {
                byte[] payload = switch (i % 4) {
                    case 0 -> malformed;
                    case 1 -> wrongVersion.getBytes(StandardCharsets.UTF_8);
                    case 2 -> codec.encode(tap("coffee", "04FFEEDDCCBB" + String.format("%02X", i % 256)));
                    default -> codec.encode(tap("entrance", "04FFEEDDCC" + String.format("%04X", i)));
                };
                flooder.publish(FLOOD_TAP, payload, false);
            }
        } catch (Exception e) {
            throw new IllegalStateException("flood interrupted", e);
        }
    }

    private static String invalid(String reason) {
        return "hub_messages_invalid_total{kiosk=\"entrance\",reason=\"" + reason + "\"}";
    }

    private static TapEvent tap(String kiosk, String uid) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), kiosk, "it-reader",
                new Credential(Credential.Type.CARD_UID, uid), 1);
    }
}
