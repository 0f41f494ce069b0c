package com.instore.hub.join;

import com.instore.hub.ShopFixture;
import com.instore.hub.db.Sql;
import com.instore.hub.db.TestDb;
import com.instore.protocol.ScreenUpdate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static com.instore.hub.ShopFixture.COFFEE;
import static org.assertj.core.api.Assertions.assertThat;

/** Join and manage links against a real database (SQLite and PostgreSQL), made by real taps. */
class JoinInvitesTest {
    static final String CAMILLE = "04A22B1A5C8001";
    static final String HUB = "http://hub.local:8080";
    static final String URL = HUB + "/join/";

    final JoinInvites invites = new JoinInvites(HUB, ShopFixture.SECRET);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void manageLink_ofAMembersTap_storesNothing_andOpensTheirChoicesForFifteenMinutes(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            ScreenUpdate answer = shop.answer(COFFEE, shop.card(COFFEE, CAMILLE));
            String token = token(answer);

            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(shop.count("SELECT COUNT(*) FROM join_invites")).isZero();
            JoinInvites.Invite invite = find(shop, invites, token).orElseThrow();
            assertThat(invite.memberId()).isEqualTo("m-0001");
            assertThat(invite.tapId()).isEqualTo(answer.tapId());
            assertThat(invite.key()).isNull();
            assertThat(invite.usable(ShopFixture.MONDAY_10AM.plus(Duration.ofMinutes(14)))).isTrue();
            assertThat(invite.usable(ShopFixture.MONDAY_10AM.plus(JoinInvites.TTL))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void manageLink_tamperedOrOfAnotherStoreSecretOrOfAnErasedMember_opensNothing(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            ScreenUpdate answer = shop.answer(COFFEE, shop.card(COFFEE, CAMILLE));
            String token = token(answer);
            char inTheMac = token.charAt(30);
            String tampered = token.substring(0, 30) + (inTheMac == 'A' ? 'B' : 'A') + token.substring(31);

            assertThat(find(shop, invites, tampered)).isEmpty();
            assertThat(find(shop, new JoinInvites(HUB, "another-store"), token)).isEmpty();
            assertThat(find(shop, invites, "not base64 ~~~")).isEmpty();
            shop.db.inTransaction(c -> Sql.update(c, "UPDATE taps SET member_id = NULL WHERE tap_id = ?",
                    answer.tapId()));
            assertThat(find(shop, invites, token)).as("the erased member's link").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void manageLink_ofATapIdNotInCanonicalForm_isStoredAndOpensTheirChoices(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            String tapId = "0F4C7A3E-1B2D-4E5F-8A9B-0C1D2E3F4A5B";
            Instant now = shop.clock.instant();

            String url = shop.db.inTransaction(c -> invites.manage(c, COFFEE, tapId, "m-0001", now));

            assertThat(shop.count("SELECT COUNT(*) FROM join_invites WHERE member_id = 'm-0001'")).isEqualTo(1);
            assertThat(find(shop, invites, url.substring(URL.length())).orElseThrow().memberId()).isEqualTo("m-0001");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void joinLink_ofAnUnknownCard_isStoredWithTheCredential(TestDb db) throws Exception {
        try (ShopFixture shop = ShopFixture.open(db, dir)) {
            ScreenUpdate answer = shop.answer(COFFEE, shop.card(COFFEE, "04FFFFFFFFFF01"));

            JoinInvites.Invite invite = find(shop, invites, token(answer)).orElseThrow();

            assertThat(invite.memberId()).isNull();
            assertThat(invite.key().type()).isEqualTo("CARD_UID");
            assertThat(invite.tapId()).isEqualTo(answer.tapId());
        }
    }

    private static String token(ScreenUpdate answer) {
        return answer.joinUrl().substring(URL.length());
    }

    private static Optional<JoinInvites.Invite> find(ShopFixture shop, JoinInvites invites, String token)
            throws Exception {
        return shop.db.withConnection(c -> invites.find(c, token));
    }
}
