package com.instore.agent.it;

import com.instore.agent.outbox.OutboxConfig;
import com.instore.agent.outbox.SqliteOutbox;
import com.instore.protocol.Credential;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A kiosk that starts with a full outbox (50,000 taps left by a long hub outage) drains it in order through its own
 * publish window: the broker's receive maximum is never exceeded (no "too many publishes in progress"), and the outbox
 * is empty once the hub answered every tap.
 */
class OutboxDrainIT {
    private static final int TAPS = 50_000;

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
    void fullOutboxFromAPreviousRun_isDeliveredCompletelyAndInOrder() throws Exception {
        List<String> stored = fillOutbox(tempDir.resolve("agent").resolve("outbox.db"));
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        TestHub hub = use(new TestHub(broker.uri(), RunningAgent.KIOSK));
        hub.autoAnswerAndKeep(); // a tap leaves the outbox with the hub's answer, not with the broker's PUBACK alone
        long started = System.nanoTime();

        RunningAgent agent = use(new RunningAgent(tempDir, broker.uri(), Map.of()));

        // In the order of their first delivery; a tap whose answer got lost is sent again (the hub dedupes it).
        Set<String> received = new LinkedHashSet<>(TAPS);
        int again = 0;
        while (received.size() < TAPS) {
            if (!received.add(hub.nextTap(Duration.ofSeconds(30)).id())) {
                again++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String metrics = agent.get("/metrics").body();
        System.out.printf("observed drain of %d taps (broker receive maximum %d): %.1f s including agent start, "
                + "%.0f taps/s; %d sent again (%s, %s)%n", TAPS, TestBroker.RECEIVE_MAXIMUM, seconds, TAPS / seconds,
                again, metric(metrics, "kiosk_taps_resent_total"), metric(metrics, "kiosk_mqtt_reconnects_total"));
        assertThat(received).containsExactlyElementsOf(stored);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                RunningAgent.json(agent.get("/health").body()).get("outbox").get("detail").asText())
                .isEqualTo("0 taps waiting"));
        assertThat(agent.get("/metrics").body()).contains("kiosk_mqtt_publish_rejected_total 0.0");
    }

    private static String metric(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series)).findFirst().orElse(series + " ?");
    }

    /** 50,000 taps written in one transaction, as a previous run would have left them (one by one, much slower). */
    private static List<String> fillOutbox(Path file) throws Exception {
        MessageCodec codec = new MessageCodec();
        SqliteOutbox.open(new OutboxConfig(file, TAPS), codec, new SimpleMeterRegistry()).close();
        List<String> ids = new ArrayList<>(TAPS);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO outbox (seq, tap_id, payload, stored_at) VALUES (?, ?, ?, ?)")) {
                for (int seq = 1; seq <= TAPS; seq++) {
                    TapEvent tap = new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(),
                            "entrance", "test-reader", new Credential(Credential.Type.CARD_UID,
                            String.format("04E0%010d", seq)), seq);
                    insert.setLong(1, seq);
                    insert.setString(2, tap.id());
                    insert.setBytes(3, codec.encode(tap));
                    insert.setString(4, tap.at().toString());
                    insert.addBatch();
                    ids.add(tap.id());
                }
                insert.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    private <T extends AutoCloseable> T use(T resource) {
        resources.add(resource);
        return resource;
    }
}
