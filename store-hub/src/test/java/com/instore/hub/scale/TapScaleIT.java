package com.instore.hub.scale;

import com.instore.hub.ShopFixture;
import com.instore.hub.db.TestDb;
import com.instore.hub.identity.CardUidHmac;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale check (a measurement, not a speed assertion): tap processing time on an empty SQLite database, then again after
 * loading 100,000 members (with cards, consents, monthly visits) and 1,000,000 tap events. Prints both. Left out of the
 * default build (store-hub's pom); runs when named: {@code ./mvnw -B -pl store-hub -am verify -Dit.test=TapScaleIT
 * -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class TapScaleIT {
    static final int MEMBERS = 100_000;
    static final int TAPS = 1_000_000;
    static final int SAMPLES = 300;

    @TempDir
    Path dir;

    @Test
    void tapTime_with100kMembersAnd1mTaps_isPrinted() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            double[] empty = measure(shop, "04A22B1A5C8001");
            long loadStart = System.nanoTime();
            load(shop);
            long loadMs = Duration.ofNanos(System.nanoTime() - loadStart).toMillis();
            double[] full = measure(shop, cardOf(4242));
            System.out.printf("%nSCALE tap processing on SQLite (%d taps each, one transaction per tap, fsync per commit)%n",
                    SAMPLES);
            System.out.printf("SCALE empty db (22 members):          p50 %.2f ms  p90 %.2f ms  p99 %.2f ms%n",
                    empty[0], empty[1], empty[2]);
            System.out.printf("SCALE %,d members, %,d taps:  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms (load %,d ms)%n",
                    MEMBERS, TAPS, full[0], full[1], full[2], loadMs);
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isGreaterThanOrEqualTo(TAPS);
        }
    }

    private static double[] measure(ShopFixture shop, String card) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            TapEvent tap = shop.card(ShopFixture.COFFEE, i % 2 == 0 ? card : "04FFFF%08X".formatted(i));
            long start = System.nanoTime();
            shop.pipeline.decide(ShopFixture.COFFEE, tap);
            nanos.add(System.nanoTime() - start);
            shop.clock.advance(Duration.ofMinutes(1));
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {ms(sorted, 0.5), ms(sorted, 0.9), ms(sorted, 0.99)};
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
    }

    static String cardOf(int i) {
        return "04BB%010X".formatted(i);
    }

    private static void load(ShopFixture shop) throws SQLException {
        CardUidHmac hmac = new CardUidHmac(ShopFixture.SECRET);
        shop.db.inTransaction(c -> {
            batch(c, "INSERT INTO members (member_id, first_name, tier, points, consent_recognition, consent_personalised,"
                    + " visits) VALUES (?, ?, 'SILVER', 700, TRUE, TRUE, 5)", MEMBERS, (ps, i) -> {
                        ps.setString(1, "x-" + i);
                        ps.setString(2, "Member" + i);
                    });
            batch(c, "INSERT INTO member_credentials (credential_type, credential_hash, member_id) VALUES ('CARD_UID', ?, ?)",
                    MEMBERS, (ps, i) -> {
                        ps.setString(1, hmac.hash(cardOf(i)).orElseThrow());
                        ps.setString(2, "x-" + i);
                    });
            batch(c, "INSERT INTO monthly_visits (store_id, month, member_id, visits, reached_ms) VALUES ('demo-store',"
                    + " '2026-11', ?, ?, 0)", MEMBERS, (ps, i) -> {
                        ps.setString(1, "x-" + i);
                        ps.setLong(2, i % 20);
                    });
            return null;
        });
        for (int chunk = 0; chunk < TAPS / 100_000; chunk++) {
            int base = chunk * 100_000;
            shop.db.inTransaction(c -> {
                batch(c, "INSERT INTO taps (tap_id, store_id, kiosk_id, tapped_at_ms, received_at_ms, credential_type,"
                        + " member_id, tier, offer_count, answer_json) VALUES (?, 'demo-store', 'coffee', ?, ?, 'CARD_UID',"
                        + " ?, 'SILVER', 2, '{}')", 100_000, (ps, i) -> {
                            long at = 1_700_000_000_000L + (base + i) * 1000L;
                            ps.setString(1, UUID.randomUUID().toString());
                            ps.setLong(2, at);
                            ps.setLong(3, at);
                            ps.setString(4, "x-" + ((base + i) % MEMBERS));
                        });
                return null;
            });
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    private static void batch(Connection c, String sql, int rows, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                binder.bind(ps, i);
                ps.addBatch();
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
