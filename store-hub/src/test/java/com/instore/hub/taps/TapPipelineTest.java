package com.instore.hub.taps;

import com.instore.hub.ShopFixture;
import com.instore.hub.db.Sql;
import com.instore.hub.db.TestDb;
import com.instore.hub.mqtt.Inbound;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.Offer;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.instore.hub.ShopFixture.COFFEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline's decisions against a real database (SQLite and PostgreSQL); only the MQTT publish is replaced by a list. */
class TapPipelineTest {
    static final String CAMILLE = "04A22B1A5C8001";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tap_knownCard_greetsTheMemberWithProgressAndOffers(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            TapEvent tap = shop.card(COFFEE, CAMILLE);

            ScreenUpdate answer = shop.answer(COFFEE, tap);

            assertThat(answer.kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);
            assertThat(answer.tapId()).isEqualTo(tap.id());
            assertThat(answer.greeting()).isEqualTo("Hello Camille!");
            assertThat(answer.member().tier()).isEqualTo("GOLD");
            assertThat(answer.member().points()).isEqualTo(1890);
            assertThat(answer.member().pointsEarned()).isEqualTo(50);
            assertThat(answer.member().next()).isEqualTo("3110 points to Platinum");
            assertThat(answer.offers()).hasSizeBetween(1, 3).allMatch(o -> o.printable());
            assertThat(answer.joinUrl()).startsWith("http://hub.local:8080/join/");
            assertThat(answer.choices().consents().recognition()).isTrue();
            assertThat(shop.sent.getFirst().topic()).isEqualTo("stores/demo-store/kiosks/coffee/screen");
            assertThat(shop.sent.getFirst().correlation()).isEqualTo(tap.id());
            assertThat(shop.sent.getFirst().expiry()).isEqualTo(5);
            assertThat(shop.registry.get("hub.taps").tag("result", "recognised").counter().count()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tap_beforeTheEarlyBirdTime_earnsTheEarlyBirdBadge_onceAndOnlyThen(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            ScreenUpdate atTen = shop.answer(COFFEE, shop.card(COFFEE, CAMILLE));
            shop.clock.set(ShopFixture.MONDAY_10AM.plus(java.time.Duration.ofHours(21))); // Tuesday 07:00 UTC
            ScreenUpdate atSeven = shop.answer(COFFEE, shop.card(COFFEE, CAMILLE));
            shop.clock.set(ShopFixture.MONDAY_10AM.plus(java.time.Duration.ofHours(45))); // Wednesday 07:00 UTC
            ScreenUpdate nextEarly = shop.answer(COFFEE, shop.card(COFFEE, CAMILLE));

            assertThat(atTen.member().newBadges()).doesNotContain("Early bird");
            assertThat(atSeven.member().newBadges()).contains("Early bird");
            assertThat(nextEarly.member().pointsEarned()).isEqualTo(50);
            assertThat(nextEarly.member().newBadges()).doesNotContain("Early bird");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tap_again_reusesTheMembersCoupons_andNeverShowsAnOfferTheyDismissed(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            List<String> first = offerIds(shop.answer(COFFEE, shop.card(COFFEE, CAMILLE)));
            List<String> second = offerIds(shop.answer(COFFEE, shop.card(COFFEE, CAMILLE)));

            assertThat(shop.count("SELECT COUNT(*) FROM coupons")).as("one coupon per offer shown, reused")
                    .isEqualTo(Stream.concat(first.stream(), second.stream()).distinct().count());

            String dismissed = second.getFirst();
            Instant now = shop.clock.instant();
            shop.db.inTransaction(c -> {
                shop.offers.coupons().dismissed(c, Sql.one(c, "SELECT code FROM coupons WHERE offer_id = ?",
                        rs -> rs.getString(1), dismissed).orElseThrow(), now);
                return null;
            });
            for (int i = 0; i < 3; i++) {
                assertThat(offerIds(shop.answer(COFFEE, shop.card(COFFEE, CAMILLE)))).isNotEmpty()
                        .doesNotContain(dismissed);
            }
        }
    }

    private static List<String> offerIds(ScreenUpdate answer) {
        return answer.offers().stream().map(Offer::id).toList();
    }

    private static List<String> couponCodes(ShopFixture shop) throws SQLException {
        return shop.db.withConnection(c -> Sql.list(c, "SELECT code FROM coupons ORDER BY code", rs -> rs.getString(1)));
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tap_unknownCard_showsWelcomeWithJoinLinkAndGenericOffersOnly(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            ScreenUpdate answer = shop.answer(COFFEE, shop.card(COFFEE, "04FFFFFFFFFF01"));

            assertThat(answer.kind()).isEqualTo(ScreenUpdate.Kind.WELCOME);
            assertThat(answer.joinUrl()).matches("http://hub\\.local:8080/join/[A-Za-z0-9_-]{43}");
            assertThat(answer.member()).isNull();
            assertThat(answer.offers()).extracting(o -> o.id()).containsExactly("welcome-coffee");
            assertThat(answer.offers()).noneMatch(o -> o.printable());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tap_redelivered_getsTheSameAnswerAndChangesNothing(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            byte[] payload = shop.codec.encode(shop.card(COFFEE, CAMILLE));

            shop.pipeline.handle(shop.inbound(COFFEE, payload));
            shop.pipeline.handle(shop.inbound(COFFEE, payload));

            assertThat(shop.sent).hasSize(2);
            assertThat(shop.sent.get(1).payload()).isEqualTo(shop.sent.get(0).payload());
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(1);
            assertThat(shop.count("SELECT points FROM members WHERE member_id = 'm-0001'")).isEqualTo(1890);
            assertThat(shop.count("SELECT COUNT(*) FROM coupons")).isEqualTo(shop.decode(shop.sent.get(0).payload())
                    .offers().size());
            assertThat(shop.registry.get("hub.taps.duplicate").counter().count()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tap_invalid_isRejectedWithAReasonAndAnswersNothing(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            assertReason(shop, shop.inbound(COFFEE, "{not json".getBytes(StandardCharsets.UTF_8)), "not_json");
            assertReason(shop, shop.inbound(COFFEE, "{\"v\":1}".getBytes(StandardCharsets.UTF_8)), "invalid");
            assertReason(shop, shop.inbound(COFFEE, shop.codec.encode(shop.card(ShopFixture.ENTRANCE, CAMILLE))),
                    "kiosk_mismatch");
            KioskAddress ghost = new KioskAddress("demo-store", "ghost");
            assertReason(shop, shop.inbound(ghost, shop.codec.encode(shop.card(ghost, CAMILLE))), "unknown_kiosk");
            assertThat(shop.sent).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void recent_listsAnsweredTapsWithoutNames(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            shop.answer(COFFEE, shop.card(COFFEE, CAMILLE));

            assertThat(shop.pipeline.recent(20)).singleElement().satisfies(t -> {
                assertThat(t.recognised()).isTrue();
                assertThat(t.tier()).isEqualTo("GOLD");
                assertThat(t.kioskId()).isEqualTo("coffee");
                assertThat(t.latencyMicros()).isNotNull();
            });
            assertThat(shop.count("SELECT taps FROM tap_daily WHERE kiosk_id = 'coffee'")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tap_afterOfferPaused_neverGetsIt_andGetsItAgainAfterResume(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            String offer = shop.answer(COFFEE, shop.card(COFFEE, CAMILLE)).offers().getFirst().id();

            shop.offers.pause(offer, true);
            ScreenUpdate paused = shop.answer(COFFEE, shop.card(COFFEE, CAMILLE));
            ScreenUpdate anonymous = shop.answer(COFFEE, shop.card(COFFEE, "04FFFFFFFFFF01"));
            shop.offers.pause(offer, false);
            ScreenUpdate resumed = shop.answer(COFFEE, shop.card(COFFEE, CAMILLE));

            assertThat(paused.offers()).extracting(o -> o.id()).doesNotContain(offer);
            assertThat(anonymous.offers()).extracting(o -> o.id()).doesNotContain(offer);
            assertThat(resumed.offers()).extracting(o -> o.id()).contains(offer);
            assertThat(shop.offers.find(offer).orElseThrow().pausedByOperator()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tap_pausedWelcomeOffer_isNotShownToAnonymousShoppers(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            shop.offers.pause("welcome-coffee", true);

            assertThat(shop.answer(COFFEE, shop.card(COFFEE, "04FFFFFFFFFF01")).offers()).isEmpty();
            assertThat(shop.offers.select(java.util.Optional.empty())).isEmpty();
        }
    }

    private static void assertReason(ShopFixture shop, Inbound in, String reason) {
        assertThatThrownBy(() -> shop.pipeline.handle(in)).isInstanceOfSatisfying(InvalidInbound.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
