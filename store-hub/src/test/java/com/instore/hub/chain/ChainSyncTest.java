package com.instore.hub.chain;

import com.instore.hub.db.Database;
import com.instore.hub.db.DbConfig;
import com.instore.hub.db.Sql;
import com.instore.hub.db.TestDb;
import com.instore.protocol.MessageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chain link's rounds against a real centre (SQLite and PostgreSQL), two stores on SQLite, no thread. */
class ChainSyncTest {
    static final ChainConfig CONFIG = new ChainConfig(DbConfig.sqlite(Path.of("unused.db")), Duration.ofMillis(100), 2,
            Duration.ofSeconds(1), Duration.ofSeconds(1));

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    Database db(TestDb kind) {
        Database db = kind.open(dir);
        open.add(db);
        return db;
    }

    ChainSync link(StoreRows store, Database centre) {
        return link(store, centre, CONFIG);
    }

    ChainSync link(StoreRows store, Database centre, ChainConfig config) {
        ChainSync sync = new ChainSync(store.db, store::erase, new CentreApply(ZoneOffset.UTC, new MessageCodec()),
                () -> centre, config, Clock.systemUTC());
        open.add(sync);
        return sync;
    }

    static long centreCount(Database centre, String sql) throws SQLException {
        return centre.withConnection(c -> Sql.count(c, sql));
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void upward_shippedTwiceAfterALostMark_countsEachTapOnce(TestDb kind) throws Exception {
        Database centre = db(kind);
        StoreRows a = new StoreRows(db(TestDb.SQLITE), "store-a");
        a.member("m1", 100, 1_000);
        a.card("hash-m1", "m1");
        for (int i = 0; i < 5; i++) {
            a.tap("m1", 50);
        }
        ChainSync sync = link(a, centre);
        sync.syncOnce(); // batches of 2: three upward rounds

        // the centre committed but the store never heard: everything goes up again
        a.db.inTransaction(c -> Sql.update(c, "UPDATE taps SET chain_shipped = NULL"));
        sync.syncOnce();

        assertThat(centreCount(centre, "SELECT COUNT(*) FROM taps")).isEqualTo(5);
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM coupons")).isEqualTo(5);
        assertThat(centreCount(centre, "SELECT SUM(points) FROM visits")).isEqualTo(250);
        assertThat(centreCount(centre, "SELECT points FROM members WHERE member_id = 'm1'")).isEqualTo(350);
        assertThat(centreCount(centre, "SELECT visits FROM members WHERE member_id = 'm1'")).isEqualTo(5);
        assertThat(centreCount(centre, "SELECT SUM(taps) FROM tap_daily")).isEqualTo(5);
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM member_credentials")).isEqualTo(1);
        assertThat(new LocalFacts(a.db).depth()).isZero();
        assertThat(a.points("m1")).as("the store's balance after the pull").isEqualTo(350);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void twoPartitionedStores_mergeBySumming_andEachLearnsTheOthersMember(TestDb kind) throws Exception {
        Database centre = db(kind);
        StoreRows a = new StoreRows(db(TestDb.SQLITE), "store-a");
        StoreRows b = new StoreRows(db(TestDb.SQLITE), "store-b");
        ChainSync linkA = link(a, centre);
        ChainSync linkB = link(b, centre);
        a.member("m1", 0, 1_000);
        a.card("hash-m1", "m1");
        linkA.syncOnce();
        linkB.syncOnce();
        assertThat(b.points("m1")).isZero();
        assertThat(b.count("SELECT COUNT(*) FROM member_credentials WHERE credential_hash = 'hash-m1'")).isEqualTo(1);
        b.member("m2", 0, 2_000);

        // partitioned: both stores give points on their own
        for (int i = 0; i < 3; i++) {
            a.tap("m1", 50);
        }
        for (int i = 0; i < 4; i++) {
            b.tap("m1", 50);
        }
        assertThat(a.points("m1")).isEqualTo(150);
        assertThat(b.points("m1")).isEqualTo(200);

        linkB.syncOnce(); // B first: A's pull then brings B's points, plus its own still unshipped ones
        linkA.syncOnce();
        linkB.syncOnce();

        assertThat(centreCount(centre, "SELECT points FROM members WHERE member_id = 'm1'")).isEqualTo(350);
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM taps")).isEqualTo(7);
        assertThat(a.points("m1")).isEqualTo(350);
        assertThat(b.points("m1")).isEqualTo(350);
        assertThat(a.count("SELECT COUNT(*) FROM members WHERE member_id = 'm2'")).isEqualTo(1);
    }

    @Test
    void downward_pointsKeepTheStoresUnshippedVisits_andTheLaterConsentWins() throws Exception {
        Database centre = db(TestDb.SQLITE);
        StoreRows a = new StoreRows(db(TestDb.SQLITE), "store-a");
        StoreRows b = new StoreRows(db(TestDb.SQLITE), "store-b");
        ChainSync linkA = link(a, centre);
        a.member("m1", 10, 1_000);
        linkA.syncOnce();
        link(b, centre).syncOnce();
        b.consents("m1", true, 5_000); // B changes consents later than A does
        a.consents("m1", false, 3_000);
        link(b, centre).syncOnce();
        a.tap("m1", 50); // not shipped yet when A pulls below
        LocalApply apply = new LocalApply(a.db, a::erase);
        apply.members(new CentreFeed().members(centre, 0, 10));

        assertThat(a.points("m1")).as("centre's 10 plus A's unshipped 50").isEqualTo(60);
        assertThat(a.count("SELECT COUNT(*) FROM members WHERE member_id = 'm1' AND consent_personalised")).isEqualTo(1);
        linkA.syncOnce();
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM members WHERE consent_personalised")).as("A's older "
                + "change does not override B's").isEqualTo(1);
        assertThat(centreCount(centre, "SELECT points FROM members")).isEqualTo(60);
    }

    @Test
    void centreAway_roundFails_andTheOutboxKeepsEveryRow() throws Exception {
        StoreRows a = new StoreRows(db(TestDb.SQLITE), "store-a");
        a.member("m1", 0, 1_000);
        a.tap("m1", 50);
        a.tap("m1", 50);
        ChainSync sync = new ChainSync(a.db, a::erase, new CentreApply(ZoneOffset.UTC, new MessageCodec()), () -> {
            throw new SQLTransientConnectionException("connection refused");
        }, CONFIG, Clock.systemUTC());

        assertThatThrownBy(sync::syncOnce).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(new LocalFacts(a.db).depth()).as("two taps and the member").isEqualTo(3);
        assertThat(a.points("m1")).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void erasureAtOneStore_winsAtTheCentreAndAtTheOtherStore_evenOverTheOthersPartitionedTaps(TestDb kind)
            throws Exception {
        Database centre = db(kind);
        StoreRows a = new StoreRows(db(TestDb.SQLITE), "store-a");
        StoreRows b = new StoreRows(db(TestDb.SQLITE), "store-b");
        a.member("m1", 0, 1_000);
        a.card("hash-m1", "m1");
        link(a, centre).syncOnce();
        link(b, centre).syncOnce();
        String tapAtB = b.tap("m1", 50); // B, cut off, still greets her
        a.tap("m1", 50);
        a.erase("m1");

        link(a, centre).syncOnce();
        link(b, centre).syncOnce();

        assertThat(centreCount(centre, "SELECT COUNT(*) FROM members")).isZero();
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM member_credentials")).isZero();
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM erased_members WHERE member_id = 'm1'")).isEqualTo(1);
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM taps WHERE member_id IS NOT NULL")).isZero();
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM taps")).as("B's tap arrived, anonymous").isEqualTo(2);
        assertThat(centreCount(centre, "SELECT COUNT(*) FROM taps WHERE tap_id = '" + tapAtB + "'")).isEqualTo(1);
        assertThat(b.count("SELECT COUNT(*) FROM members")).isZero();
        assertThat(b.count("SELECT COUNT(*) FROM member_credentials")).isZero();
        assertThat(b.count("SELECT COUNT(*) FROM erased_members WHERE chain_shipped")).isEqualTo(1);
        assertThat(new LocalFacts(b.db).depth()).isZero();
    }

    @Test
    void redemption_reachesTheCentreAfterItsCouponsTap() throws Exception {
        Database centre = db(TestDb.SQLITE);
        StoreRows a = new StoreRows(db(TestDb.SQLITE), "store-a");
        a.member("m1", 0, 1_000);
        String tapId = a.tap("m1", 50);
        a.db.inTransaction(c -> Sql.update(c, "UPDATE coupons SET redeemed_ms = 7, redeemed_store = 'store-a', "
                + "redeemed_till = 'till-1', redeem_request = 'r1' WHERE tap_id = ?", tapId));

        link(a, centre).syncOnce();

        assertThat(centreCount(centre, "SELECT COUNT(*) FROM coupons WHERE redeemed_ms = 7 AND redeemed_till = 'till-1'"))
                .isEqualTo(1);
        assertThat(new LocalFacts(a.db).depth()).isZero();
    }

    @Test
    void downward_pagesHoldWholeVersions_soAPageCutNeverSkipsTheRestOfACentreBatch() throws Exception {
        Database centre = db(TestDb.SQLITE);
        StoreRows a = new StoreRows(db(TestDb.SQLITE), "store-a");
        StoreRows b = new StoreRows(db(TestDb.SQLITE), "store-b");
        for (int i = 0; i < 5; i++) {
            a.member("m" + i, 0, 1_000);
            a.card("hash-m" + i, "m" + i);
        }
        link(a, centre, new ChainConfig(CONFIG.centre(), Duration.ofMillis(100), 10, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).syncOnce(); // one centre batch: one version for all ten rows
        assertThat(centreCount(centre, "SELECT COUNT(DISTINCT chain_version) FROM members")).isEqualTo(1);

        link(b, centre).syncOnce(); // pages of 2

        assertThat(b.count("SELECT COUNT(*) FROM members")).isEqualTo(5);
        assertThat(b.count("SELECT COUNT(*) FROM member_credentials")).isEqualTo(5);
    }

    @Test
    void downward_aCredentialWhoseMemberIsNotPulledYet_waitsBelowTheWatermark() throws Exception {
        StoreRows b = new StoreRows(db(TestDb.SQLITE), "store-b");
        LocalApply apply = new LocalApply(b.db, b::erase);
        b.member("m1", 0, 1_000);
        List<Facts.CredentialRow> page = List.of(new Facts.CredentialRow("CARD_UID", "h1", "m1", null, null, null, 7),
                new Facts.CredentialRow("CARD_UID", "h2", "m-new", null, null, null, 8));

        assertThat(apply.credentials(page)).isFalse();
        assertThat(apply.watermark(LocalApply.CREDENTIALS)).isEqualTo(7);
        assertThat(b.count("SELECT COUNT(*) FROM member_credentials")).isEqualTo(1);
    }
}
