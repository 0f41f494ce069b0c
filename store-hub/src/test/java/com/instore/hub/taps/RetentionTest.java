package com.instore.hub.taps;

import com.instore.hub.ShopFixture;
import com.instore.hub.db.Sql;
import com.instore.hub.db.TestDb;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;

import static com.instore.hub.ShopFixture.COFFEE;
import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void purge_removesTapsOlderThanTheRetention_keepsNewerOnesAndTheDailyFigures(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            shop.answer(COFFEE, shop.card(COFFEE, TapPipelineTest.CAMILLE));
            shop.clock.advance(Duration.ofDays(30));
            shop.answer(COFFEE, shop.card(COFFEE, TapPipelineTest.CAMILLE));
            shop.clock.advance(Duration.ofDays(61));

            long purged = new Retention(shop.db, 90, false, shop.clock).purge();

            assertThat(purged).isEqualTo(1);
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(1);
            assertThat(shop.count("SELECT SUM(taps) FROM tap_daily")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void purge_ofAChainLinkedStore_keepsOldTapsTheCentreHasNotGotYet(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            shop.answer(COFFEE, shop.card(COFFEE, TapPipelineTest.CAMILLE));
            shop.db.withConnection(c -> Sql.update(c, "UPDATE taps SET chain_shipped = ?", true));
            shop.answer(COFFEE, shop.card(COFFEE, "04FFFFFFFFFF01"));
            shop.clock.advance(Duration.ofDays(100));

            long purged = new Retention(shop.db, 90, true, shop.clock).purge();

            assertThat(purged).isEqualTo(1);
            assertThat(shop.count("SELECT COUNT(*) FROM taps WHERE chain_shipped IS NULL")).isEqualTo(1);
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void tapDaysZero_keepsEverything(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            shop.answer(COFFEE, shop.card(COFFEE, TapPipelineTest.CAMILLE));
            shop.clock.advance(Duration.ofDays(3650));

            assertThat(new Retention(shop.db, 0, false, shop.clock).purge()).isZero();
            assertThat(shop.count("SELECT COUNT(*) FROM taps")).isEqualTo(1);
        }
    }
}
