package com.instore.hub.taps;

import com.instore.hub.ShopFixture;
import com.instore.hub.db.Sql;
import com.instore.hub.db.TestDb;
import com.instore.hub.mqtt.HubClient;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.instore.hub.ShopFixture.COFFEE;
import static com.instore.hub.ShopFixture.ENTRANCE;
import static org.assertj.core.api.Assertions.assertThat;

/** Group commit against a real database: one transaction per batch, acknowledgements only for committed taps. */
class TapBatchTest {
    static final String CAMILLE = "04A22B1A5C8001";

    @TempDir
    Path dir;

    /** What the MQTT client heard about each tap, in order. */
    static final class Acks {
        final List<String> events = new CopyOnWriteArrayList<>();

        TapWriter.Pending pending(ShopFixture shop, TapEvent tap) {
            String name = tap.kioskId() + ":" + tap.credential().value();
            return new TapWriter.Pending(shop.inbound(new KioskAddress("demo-store", tap.kioskId()),
                    shop.codec.encode(tap)), tap, completion(name));
        }

        HubClient.Completion completion(String name) {
            return new HubClient.Completion() {
                @Override
                public void handled() {
                    events.add("handled " + name);
                }

                @Override
                public void invalid(InvalidInbound why) {
                    events.add("invalid " + name);
                }

                @Override
                public void failed(Throwable why) {
                    events.add("failed " + name);
                }
            };
        }
    }

    private static TapBatch batch(ShopFixture shop) {
        return new TapBatch(shop.pipeline, shop.db, new TapTable(shop.db, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void batch_sameTapTwice_isOneRowAndTheSameAnswerByteForByte(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            Acks acks = new Acks();
            TapEvent camille = shop.card(COFFEE, CAMILLE);
            TapEvent unknown = shop.card(COFFEE, "04FFFFFFFFFF01");

            batch(shop).run(new ArrayList<>(List.of(acks.pending(shop, camille), acks.pending(shop, unknown),
                    acks.pending(shop, camille))));

            assertThat(acks.events).containsExactly("handled coffee:" + CAMILLE, "handled coffee:04FFFFFFFFFF01",
                    "handled coffee:" + CAMILLE);
            assertThat(shop.sent).hasSize(3);
            assertThat(shop.sent.get(2).payload()).isEqualTo(shop.sent.get(0).payload());
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(2);
            assertThat(shop.count("SELECT points FROM members WHERE member_id = 'm-0001'")).isEqualTo(1890);
            assertThat(shop.registry.get("hub.taps.duplicate").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void batch_withAnAnswerSender_commitsThenAnswersThenAcknowledgesOnlyAfterTheSync() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            Acks acks = new Acks();
            List<Runnable> handedOver = new ArrayList<>();
            SyncedAcks synced = SyncedAcks.inline(() -> {
                acks.events.add("synced after " + shop.sent.size() + " answers");
                shop.db.syncCommitted();
            }, shop.pipeline::failed);
            TapBatch batch = new TapBatch(shop.pipeline, shop.db, new TapTable(shop.db, ZoneOffset.UTC), handedOver::add,
                    synced, AnswerTiming.AT_COMMIT);

            batch.run(new ArrayList<>(List.of(acks.pending(shop, shop.card(COFFEE, CAMILLE)),
                    acks.pending(shop, shop.card(ENTRANCE, "04FFFFFFFFFF01")))));

            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(2);
            assertThat(acks.events).isEmpty();
            assertThat(shop.sent).isEmpty();
            assertThat(handedOver).hasSize(1);
            handedOver.getFirst().run();
            assertThat(acks.events).containsExactly("synced after 2 answers", "handled coffee:" + CAMILLE,
                    "handled entrance:04FFFFFFFFFF01");
            batch.idle();
            assertThat(shop.count("SELECT COUNT(*) FROM taps WHERE latency_us IS NOT NULL")).isEqualTo(2);
        }
    }

    @Test
    void batch_diskRefusesTheSync_answersButLeavesTheTapsUnacknowledgedAndTheRedeliveryGetsTheSameAnswer()
            throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            Acks acks = new Acks();
            TapEvent camille = shop.card(COFFEE, CAMILLE);
            SyncedAcks failing = SyncedAcks.inline(() -> {
                throw new IOException("Input/output error");
            }, shop.pipeline::failed);
            new TapBatch(shop.pipeline, shop.db, new TapTable(shop.db, ZoneOffset.UTC), Runnable::run, failing,
                    AnswerTiming.AT_COMMIT)
                    .run(new ArrayList<>(List.of(acks.pending(shop, camille))));

            assertThat(acks.events).containsExactly("failed coffee:" + CAMILLE);
            assertThat(shop.sent).hasSize(1); // the shopper was answered; the broker will deliver the tap again
            assertThat(shop.registry.get("hub.taps.failed").counter().count()).isEqualTo(1.0);

            batch(shop).run(new ArrayList<>(List.of(acks.pending(shop, camille))));

            assertThat(acks.events).containsExactly("failed coffee:" + CAMILLE, "handled coffee:" + CAMILLE);
            assertThat(shop.sent.get(1).payload()).isEqualTo(shop.sent.get(0).payload());
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(1);
            assertThat(shop.count("SELECT points FROM members WHERE member_id = 'm-0001'")).isEqualTo(1890);
        }
    }

    @Test
    void batch_answerNotPublished_leavesTheTapUnacknowledgedAndItsRedeliveryGetsTheStoredAnswer() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            Acks acks = new Acks();
            TapEvent camille = shop.card(COFFEE, CAMILLE);
            shop.brokerRefuses = true;

            batch(shop).run(new ArrayList<>(List.of(acks.pending(shop, camille))));

            // Committed but not answered: not acknowledged, so the broker (or the dispatcher) offers it again.
            assertThat(acks.events).containsExactly("failed coffee:" + CAMILLE);
            assertThat(shop.sent).isEmpty();
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(1);
            assertThat(shop.registry.get("hub.taps.failed").counter().count()).isEqualTo(1.0);

            shop.brokerRefuses = false;
            batch(shop).run(new ArrayList<>(List.of(acks.pending(shop, camille))));

            assertThat(acks.events).containsExactly("failed coffee:" + CAMILLE, "handled coffee:" + CAMILLE);
            assertThat(shop.sent).hasSize(1);
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(1);
            assertThat(shop.count("SELECT points FROM members WHERE member_id = 'm-0001'")).isEqualTo(1890);
        }
    }

    @Test
    void batch_oneTapRefusedByTheDatabase_commitsTheOthersAndLeavesItUnacknowledged() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            Acks acks = new Acks();
            shop.db.withConnection(c -> Sql.update(c, """
                    CREATE TRIGGER refuse_entrance BEFORE INSERT ON taps WHEN NEW.kiosk_id = 'entrance'
                    BEGIN SELECT RAISE(ABORT, 'entrance refused'); END"""));
            TapEvent refused = shop.card(ENTRANCE, CAMILLE);

            batch(shop).run(new ArrayList<>(List.of(acks.pending(shop, shop.card(COFFEE, CAMILLE)),
                    acks.pending(shop, refused), acks.pending(shop, shop.card(COFFEE, "04FFFFFFFFFF01")))));

            // The refused tap is reported at once; the committed ones are answered and acknowledged after, in order.
            assertThat(acks.events).containsExactly("failed entrance:" + CAMILLE, "handled coffee:" + CAMILLE,
                    "handled coffee:04FFFFFFFFFF01");
            assertThat(shop.sent).hasSize(2);
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(2);
            assertThat(shop.count("SELECT COUNT(*) FROM taps WHERE tap_id = ?", refused.id())).isZero();
            // The refused tap's visit was rolled back with it: Camille earned points once, for the coffee tap.
            assertThat(shop.count("SELECT points FROM members WHERE member_id = 'm-0001'")).isEqualTo(1890);
            assertThat(shop.registry.get("hub.taps.failed").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void caughtUp_aWhileAfterTheLastCheckpoint_checkpointsSoTheNextBatchStartsTheWalOver() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            Acks acks = new Acks();
            TapBatch batch = batch(shop);
            TestDb.walFrames(shop.db); // the shop's set-up checkpointed: the next write starts the WAL over
            batch.run(new ArrayList<>(List.of(acks.pending(shop, shop.card(COFFEE, CAMILLE)))));
            batch.run(new ArrayList<>(List.of(acks.pending(shop, shop.card(COFFEE, "04FFFFFFFFFF01")))));
            long twoBatches = TestDb.walFrames(shop.db);

            batch.run(new ArrayList<>(List.of(acks.pending(shop, shop.card(ENTRANCE, CAMILLE)))));
            Thread.sleep(TapBatch.CHECKPOINT_EVERY_MS);
            batch.caughtUp();
            batch.run(new ArrayList<>(List.of(acks.pending(shop, shop.card(ENTRANCE, "04FFFFFFFFFF01")))));
            long lastBatchOnly = TestDb.walFrames(shop.db);

            assertThat(lastBatchOnly).isLessThan(twoBatches / 2); // 11 against 43 when written
            assertThat(acks.events).hasSize(4).allSatisfy(event -> assertThat(event).startsWith("handled"));
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(4);
        }
    }

    @Test
    void accept_invalidTap_isRejectedAtOnceWithoutReachingTheWriter() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            Acks acks = new Acks();

            // No writer is started: a valid tap would fail here, an invalid one never gets that far.
            shop.pipeline.accept(shop.inbound(COFFEE, "{not json".getBytes(StandardCharsets.UTF_8)),
                    acks.completion("coffee:garbage"));

            assertThat(acks.events).containsExactly("invalid coffee:garbage");
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isZero();
        }
    }
}
