package com.instore.hub.members;

import com.instore.hub.ShopFixture;
import com.instore.hub.db.TestDb;
import com.instore.protocol.Consents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Support's member search against the demo members (SQLite). */
class MemberSearchTest {
    private static final Instant NOW = ShopFixture.MONDAY_10AM;

    @TempDir
    Path dir;

    @Test
    void find_byCardUidAsTyped_resolvesItLikeATap_andShowsOnlyWhatSupportNeeds() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            MemberSearch search = new MemberSearch(shop.db, shop.members, ShopFixture.SECRET);

            assertThat(search.find(MemberSearch.By.CARD, " 04:a2:2b:1a:5c:80:01 ", NOW)).singleElement().satisfies(m -> {
                assertThat(m.memberId()).isEqualTo("m-0001");
                assertThat(m.firstName()).isEqualTo("Camille");
                assertThat(m.tier()).isEqualTo("GOLD");
                assertThat(m.credentials()).extracting(MemberSearch.Held::type).containsExactly("CARD_UID");
                assertThat(m.preferences()).containsExactly("coffee", "fashion");
            });
            assertThat(search.find(MemberSearch.By.ID, "m-0001", NOW)).hasSize(1);
            assertThat(search.find(MemberSearch.By.CARD, "04FFFFFFFFFF01", NOW)).isEmpty();
            assertThat(search.find(MemberSearch.By.ID, "nobody", NOW)).isEmpty();
            assertThat(search.find(MemberSearch.By.PHONE, "no-such-phone", NOW)).isEmpty();
        }
    }

    @Test
    void find_cardUidWithADifferentStoreSecret_findsNobody() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            MemberSearch otherStore = new MemberSearch(shop.db, shop.members, "another-store-secret");

            assertThat(otherStore.find(MemberSearch.By.CARD, "04A22B1A5C8001", NOW)).isEmpty();
        }
    }

    @Test
    void find_memberWithoutConsent_hidesNameAndPreferences() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            shop.db.withConnection(c -> shop.members.setConsents(c, "m-0001", new Consents(false, false, false), NOW));

            assertThat(new MemberSearch(shop.db, shop.members, ShopFixture.SECRET)
                    .find(MemberSearch.By.ID, "m-0001", NOW)).singleElement().satisfies(m -> {
                        assertThat(m.firstName()).isNull();
                        assertThat(m.preferences()).isEmpty();
                        assertThat(m.consents().recognition()).isFalse();
                    });
        }
    }

    @Test
    void find_notACardUid_isRefusedWithAReason() throws Exception {
        try (ShopFixture shop = ShopFixture.open(TestDb.SQLITE, dir)) {
            MemberSearch search = new MemberSearch(shop.db, shop.members, ShopFixture.SECRET);

            assertThatThrownBy(() -> search.find(MemberSearch.By.CARD, "not-hex", NOW))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("card UID");
            assertThatThrownBy(() -> search.find(MemberSearch.By.ID, "  ", NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
