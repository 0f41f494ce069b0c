package com.instore.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.hub.db.TestDb;
import com.instore.protocol.Consents;
import com.instore.protocol.Credential;
import com.instore.protocol.Offer;
import com.instore.protocol.PrintJob;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.ShopperAction;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's scenarios through the real hub: embedded HiveMQ, the hub's MQTT client and pipeline, its HTTP API; kiosks are
 * real MQTT clients. Each scenario runs on SQLite and on PostgreSQL (skipped, saying so, without a throwaway cluster). One
 * hub per database serves every scenario; each scenario uses its own members and cards.
 */
class ShopperScenariosIT {
    private static final Map<TestDb, RunningHub> HUBS = new EnumMap<>(TestDb.class);

    @TempDir
    static Path dir;

    static synchronized RunningHub hub(TestDb db) throws Exception {
        if (!HUBS.containsKey(db)) {
            // No visit is before 00:00, so no Early bird badge whatever the hour the test runs at (TapPipelineTest
            // covers that badge with a clock of its own).
            Config features = Config.just(ConfigSources.create(Map.of("loyalty.card-uid-earns-points", "true",
                    "loyalty.zone", "UTC", "loyalty.visit-period", "PT12H", "loyalty.early-bird-before", "00:00")));
            HUBS.put(db, RunningHub.start(dir.resolve(db.name()), db.fresh(dir), features,
                    Path.of("src/test/resources/scenario/offers.yaml"), Path.of("src/test/resources/scenario/members.csv")));
        }
        return HUBS.get(db);
    }

    @AfterAll
    static void stopHubs() {
        HUBS.values().forEach(RunningHub::close);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void firstVisit_unknownCardJoinsOnThePhone_nextTapGreetsByNameWithPointsAndFirstBadge(TestDb db) throws Exception {
        RunningHub hub = hub(db);
        try (Kiosk entrance = Kiosk.connect(hub, "entrance")) {
            String card = "04EE0" + db.ordinal() + "1234567890";
            ScreenUpdate welcome = entrance.screen(entrance.card(card));
            assertThat(welcome.kind()).isEqualTo(ScreenUpdate.Kind.WELCOME);
            String joinPath = URI.create(welcome.joinUrl()).getPath();
            assertThat(hub.get(joinPath).body()).contains("name=\"firstName\"").contains("name=\"recognition\"");
            assertThat(hub.get(joinPath + "/qr.svg").body()).startsWith("<svg");

            HttpResponse<String> joined = hub.postForm(joinPath, "firstName=Zo%C3%A9&recognition=on&personalised=on&pref=coffee");
            assertThat(joined.statusCode()).isEqualTo(200);
            assertThat(joined.body()).contains("Welcome, Zoé!");

            ScreenUpdate greeted = entrance.screen(entrance.card(card));
            assertThat(greeted.kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);
            assertThat(greeted.greeting()).isEqualTo("Hello Zoé!");
            assertThat(greeted.member().pointsEarned()).isEqualTo(50);
            assertThat(greeted.member().newBadges()).containsExactly("First visit");
            assertThat(greeted.member().tier()).isEqualTo("BRONZE");
            assertThat(greeted.choices().preferences()).containsExactly("coffee");
            assertThat(hub.postForm(joinPath, "firstName=Again").statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void secondTapTheSameHour_earnsNoPoints(TestDb db) throws Exception {
        RunningHub hub = hub(db);
        Phone phone = linkPhone(hub, "s-dora");
        try (Kiosk coffee = Kiosk.connect(hub, "coffee")) {
            ScreenUpdate first = coffee.screen(coffee.tap(Credential.Type.PHONE, phone.nextToken()));
            ScreenUpdate second = coffee.screen(coffee.tap(Credential.Type.PHONE, phone.nextToken()));

            assertThat(first.member().pointsEarned()).isEqualTo(50);
            assertThat(first.member().points()).isEqualTo(150);
            assertThat(second.kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);
            assertThat(second.member().pointsEarned()).isZero();
            assertThat(second.member().points()).isEqualTo(150);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tierPromotion_aVisitCrossingTheThreshold_promotesToSilver(TestDb db) throws Exception {
        RunningHub hub = hub(db);
        Phone phone = linkPhone(hub, "s-anna");
        try (Kiosk coffee = Kiosk.connect(hub, "coffee")) {
            ScreenUpdate update = coffee.screen(coffee.tap(Credential.Type.PHONE, phone.nextToken()));

            assertThat(update.member().points()).isEqualTo(530);
            assertThat(update.member().tier()).isEqualTo("SILVER");
            assertThat(update.member().next()).isEqualTo("970 points to Gold");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void caps_fiftyConcurrentTaps_neverIssueMoreThanTheGlobalBudget(TestDb db) throws Exception {
        RunningHub hub = hub(db);
        ExecutorService crowd = Executors.newFixedThreadPool(10);
        try (Kiosk checkout = Kiosk.connect(hub, "checkout")) {
            List<Future<String>> taps = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String uid = "04CC0000%06X".formatted(i);
                taps.add(crowd.submit(() -> checkout.card(uid)));
            }
            int flash = 0;
            for (Future<String> tap : taps) {
                ScreenUpdate s = checkout.screen(tap.get());
                flash += (int) s.offers().stream().filter(o -> o.id().equals("flash") && o.printable()).count();
            }
            assertThat(flash).isEqualTo(10);
            assertThat(hub.queryLong("SELECT COUNT(*) FROM coupons WHERE offer_id = 'flash'", db)).isEqualTo(10);
            assertThat(hub.queryLong("SELECT issued FROM offer_counters WHERE offer_id = 'flash'", db)).isEqualTo(10);
        } finally {
            crowd.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void replayedPhoneToken_isRejectedAndFlagged(TestDb db) throws Exception {
        RunningHub hub = hub(db);
        Phone phone = linkPhone(hub, "s-emil");
        try (Kiosk coffee = Kiosk.connect(hub, "coffee")) {
            String token = phone.nextToken();
            assertThat(coffee.screen(coffee.tap(Credential.Type.PHONE, token)).kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);

            ScreenUpdate replay = coffee.screen(coffee.tap(Credential.Type.PHONE, token));
            ScreenUpdate older = coffee.screen(coffee.tap(Credential.Type.PHONE, phone.token(0)));

            assertThat(replay.kind()).isEqualTo(ScreenUpdate.Kind.UNVERIFIED);
            assertThat(replay.greeting()).doesNotContain("Emil");
            assertThat(older.kind()).isEqualTo(ScreenUpdate.Kind.UNVERIFIED);
            assertThat(hub.queryLong("SELECT COUNT(*) FROM credential_flags WHERE reason = 'replay'", db))
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void consentWithdrawnOnTheKiosk_theScreenAndTheNextTapShowNoName(TestDb db) throws Exception {
        RunningHub hub = hub(db);
        try (Kiosk entrance = Kiosk.connect(hub, "entrance")) {
            String tap = entrance.card("04AA000000A002");
            assertThat(entrance.screen(tap).greeting()).isEqualTo("Hello Bea!");

            entrance.act(tap, ShopperAction.Type.SET_CONSENTS, null, new Consents(false, true, true));

            ScreenUpdate redrawn = entrance.screen(tap, s -> !s.choices().consents().recognition());
            assertThat(redrawn.greeting()).doesNotContain("Bea");
            ScreenUpdate next = entrance.screen(entrance.card("04AA000000A002"));
            assertThat(next.kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);
            assertThat(next.greeting()).doesNotContain("Bea");
            assertThat(hub.api("GET", "/api/members/s-bea/export", null).body()).contains("\"recognition\":false");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void erase_thenTap_showsTheWelcomeNotTheOldName_andClearsTheScreen(TestDb db) throws Exception {
        RunningHub hub = hub(db);
        try (Kiosk entrance = Kiosk.connect(hub, "entrance")) {
            String tap = entrance.card("04AA000000A003");
            assertThat(entrance.screen(tap).greeting()).isEqualTo("Hello Carl!");
            JsonNode export = hub.json(hub.api("GET", "/api/members/s-carl/export", null).body());
            assertThat(export.path("firstName").asText()).isEqualTo("Carl");
            assertThat(export.path("taps")).hasSize(1);

            HttpResponse<String> erased = hub.api("DELETE", "/api/members/s-carl", null);

            assertThat(erased.statusCode()).isEqualTo(200);
            assertThat(entrance.screen(tap, s -> s.kind() == ScreenUpdate.Kind.CLEAR).greeting()).doesNotContain("Carl");
            ScreenUpdate after = entrance.screen(entrance.card("04AA000000A003"));
            assertThat(after.kind()).isEqualTo(ScreenUpdate.Kind.WELCOME);
            assertThat(after.greeting()).doesNotContain("Carl");
            assertThat(hub.api("GET", "/api/members/s-carl/export", null).statusCode()).isEqualTo(404);
            assertThat(hub.api("DELETE", "/api/members/s-carl", null).statusCode()).isEqualTo(404);
            assertThat(hub.queryLong("SELECT COUNT(*) FROM taps WHERE answer_json LIKE '%Carl%'", db)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void couponRedeemedTwice_secondRedemptionGets409WithWhenAndWhere(TestDb db) throws Exception {
        RunningHub hub = hub(db);
        try (Kiosk coffee = Kiosk.connect(hub, "coffee")) {
            String tap = coffee.card("04AA000000A002");
            Offer latte = coffee.screen(tap).offers().stream().filter(Offer::printable).findFirst().orElseThrow();

            coffee.act(tap, ShopperAction.Type.PRINT_COUPON, latte.id(), null);

            PrintJob job = coffee.print(tap);
            ScreenUpdate shown = coffee.screen(tap, s -> s.coupon() != null);
            assertThat(shown.coupon().code()).isEqualTo(job.couponCode());
            assertThat(hub.get(URI.create(shown.coupon().qrUrl()).getPath()).body()).startsWith("<svg");
            String redeem = "/api/coupons/" + job.couponCode() + "/redeem";
            HttpResponse<String> first = hub.api("POST", redeem, "{\"requestId\":\"till-1-0001\",\"till\":\"till-1\"}");
            HttpResponse<String> retried = hub.api("POST", redeem, "{\"requestId\":\"till-1-0001\",\"till\":\"till-1\"}");
            HttpResponse<String> second = hub.api("POST", redeem, "{\"requestId\":\"till-2-0042\",\"till\":\"till-2\"}");

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(409);
            JsonNode conflict = hub.json(second.body());
            assertThat(conflict.path("at").asText()).isEqualTo(hub.json(first.body()).path("at").asText());
            assertThat(conflict.path("till").asText()).isEqualTo("till-1");
            assertThat(conflict.path("storeId").asText()).isEqualTo("demo-store");
            assertThat(hub.api("POST", redeem, "{\"till\":\"till-1\"}").statusCode()).isEqualTo(400);
            assertThat(hub.api("POST", "/api/coupons/AAAA-AAAA-AAAAA/redeem", "{\"requestId\":\"x\"}").statusCode())
                    .isEqualTo(400);
        }
    }

    private static Phone linkPhone(RunningHub hub, String memberId) throws Exception {
        Phone phone = new Phone();
        HttpResponse<String> linked = hub.api("POST", "/api/members/" + memberId + "/credentials",
                "{\"type\":\"PHONE\",\"publicKey\":\"" + phone.publicKey() + "\"}");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        phone.linked(hub.json(linked.body()).path("credentialId").asText());
        return phone;
    }
}
