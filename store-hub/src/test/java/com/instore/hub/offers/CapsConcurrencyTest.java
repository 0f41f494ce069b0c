package com.instore.hub.offers;

import com.instore.hub.ShopFixture;
import com.instore.hub.db.TestDb;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caps hold under real concurrency: 50 taps decided at once on 16 threads, each in its own transaction, bypassing the
 * hub's single pipeline thread (as several hubs of a chain on one PostgreSQL would). SQLite and PostgreSQL.
 */
class CapsConcurrencyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void fiftyConcurrentTaps_ofTwentyTwoMembers_neverExceedTheBudgetOrAMembersCaps(TestDb db) throws Exception {
        Path offers = Files.writeString(dir.resolve("offers.yaml"), """
                offers:
                  - { id: flash, title: Flash, tiers: [BRONZE, SILVER, GOLD, PLATINUM], budget: { coupons: 7 } }
                  - { id: daily, title: Daily, tiers: [BRONZE, SILVER, GOLD, PLATINUM], caps: { per-member-day: 1 } }
                """);
        try (ShopFixture shop = ShopFixture.open(db, dir, ShopFixture.demoLoyalty(), offers)) {
            List<String> cards = shop.count("SELECT COUNT(*) FROM members") == 22 ? demoCards() : List.of();
            // As many threads as the database pool has connections: racing for the rows, not for a connection (16 threads
            // on 8 connections timed out waiting for one on a machine at load 15).
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                TapEvent tap = shop.card(ShopFixture.COFFEE, cards.get(i % cards.size()));
                done.add(pool.submit(() -> {
                    start.await();
                    return shop.pipeline.decide(ShopFixture.COFFEE, tap);
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            assertThat(shop.count("SELECT COUNT(*) FROM coupons WHERE offer_id = 'flash'")).isEqualTo(7);
            assertThat(shop.count("SELECT issued FROM offer_counters WHERE offer_id = 'flash'")).isEqualTo(7);
            assertThat(shop.count("SELECT COUNT(*) FROM coupons WHERE offer_id = 'daily'")).isEqualTo(22);
            assertThat(shop.count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM coupons GROUP BY member_id, offer_id) x"))
                    .isEqualTo(1);
            assertThat(shop.count("SELECT COUNT(*) FROM visits")).as("one visit per member per period").isEqualTo(22);
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(50);
        }
    }

    private static List<String> demoCards() {
        return List.of("04A22B1A5C8001", "04B31C2A6D8102", "04C40D3B7E8203", "04D51E4C8F8304", "04E62F5D908405",
                "04F7306EA18506", "0408417FB28607", "04195280C38708", "042A6391D48809", "043B74A2E5890A",
                "044C85B3F68A0B", "045D96C4078B0C", "046EA7D5188C0D", "047FB8E6298D0E", "0480C9F73A8E0F",
                "0491DA084B8F10", "04A2EB195C9011", "04B3FC2A6D9112", "04C40D3B7E9213", "04D51E4C8F9314",
                "04E62F5D909415", "04F7306EA19516");
    }
}
