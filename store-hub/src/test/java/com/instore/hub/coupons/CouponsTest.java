package com.instore.hub.coupons;

import com.instore.hub.db.Database;
import com.instore.hub.db.TestDb;
import com.instore.protocol.KioskAddress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a tap reads of a member's coupons, on a real database (SQLite and PostgreSQL). */
class CouponsTest {
    static final KioskAddress KIOSK = new KioskAddress("demo-store", "coffee");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void held_givesTheNewestUsableCouponPerOffer_andTheOffersDismissedWithinTheWindow(TestDb kind) throws Exception {
        try (Database db = kind.open(dir)) {
            Coupons coupons = new Coupons(db, (c, offer, segment, ranked) -> true);
            Coupon redeemed = db.inTransaction(c -> {
                Coupon older = issue(coupons, c, "latte", "m-1", NOW.minus(Duration.ofDays(2)), Duration.ofDays(30));
                Coupon newer = issue(coupons, c, "latte", "m-1", NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
                issue(coupons, c, "expired", "m-1", NOW.minus(Duration.ofDays(40)), Duration.ofDays(30));
                Coupon toRedeem = issue(coupons, c, "redeemed", "m-1", NOW.minus(Duration.ofDays(1)), WEEK);
                Coupon dismissed = issue(coupons, c, "dismissed", "m-1", NOW.minus(Duration.ofDays(3)), WEEK);
                Coupon dismissedLongAgo = issue(coupons, c, "old-dismissal", "m-1", NOW.minus(Duration.ofDays(20)),
                        Duration.ofDays(60));
                issue(coupons, c, "latte", "m-2", NOW, WEEK);
                coupons.dismissed(c, dismissed.code(), NOW.minus(Duration.ofDays(2)));
                coupons.dismissed(c, dismissedLongAgo.code(), NOW.minus(Duration.ofDays(19)));
                assertThat(older.code()).isNotEqualTo(newer.code());
                return toRedeem;
            });
            assertThat(coupons.redeem(redeemed.code(), "r-1", "demo-store", "till-1", NOW).outcome())
                    .isEqualTo(Redemption.Outcome.REDEEMED);

            HeldCoupons held = db.inTransaction(c -> coupons.held(c, "m-1", NOW, NOW.minus(WEEK)));

            assertThat(held.live()).containsOnlyKeys("latte");
            assertThat(held.live("latte").orElseThrow().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(29)));
            assertThat(held.dismissed()).containsExactly("dismissed");
            assertThat(held.live("redeemed")).isEmpty();
        }
    }

    private static Coupon issue(Coupons coupons, java.sql.Connection c, String offer, String member, Instant at,
                                Duration validity) throws java.sql.SQLException {
        return coupons.issue(c, offer, member, "REGULAR", false, KIOSK, "tap-" + offer + at.toEpochMilli(), at, validity);
    }
}
