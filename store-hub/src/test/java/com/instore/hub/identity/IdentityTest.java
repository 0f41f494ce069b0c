package com.instore.hub.identity;

import com.instore.hub.ShopFixture;
import com.instore.hub.db.TestDb;
import com.instore.hub.kiosks.Location;
import com.instore.protocol.Credential;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Credential resolution on SQLite and PostgreSQL: phones, SUN tags, NDEF tokens, card UIDs and clones. */
class IdentityTest {
    static final KioskAddress PARIS = new KioskAddress("demo-store", "coffee");
    static final KioskAddress LYON = new KioskAddress("lyon-store", "entrance");

    @TempDir
    Path dir;

    private Identity identity(Path zeroKey) {
        Map<String, Location> places = Map.of("coffee", new Location(48.8566, 2.3522), "entrance", new Location(45.764, 4.8357));
        IdentityConfig config = new IdentityConfig(150, 1, Optional.of(zeroKey), Optional.of(zeroKey));
        return new Identity(config, ShopFixture.SECRET, k -> Optional.ofNullable(places.get(k)), new SimpleMeterRegistry());
    }

    private Path zeroKey() throws Exception {
        return Files.writeString(dir.resolve("zero.key"), "00000000000000000000000000000000\n");
    }

    private static TapEvent tap(KioskAddress at, Credential.Type type, String value, Instant when) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), when, at.kioskId(), "r",
                new Credential(type, value), 1);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void phone_signedWithTheLinkedKey_isVerified_andAnOlderCounterIsAReplay(TestDb kind) throws Exception {
        try (ShopFixture shop = ShopFixture.open(kind, dir)) {
            Identity identity = identity(zeroKey());
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String id = shop.db.inTransaction(c -> identity.linkPhone(c, "m-0002",
                    Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()), Instant.now()));

            Resolution first = resolve(shop, identity, tap(PARIS, Credential.Type.PHONE, token(keys, id, 7), Instant.now()));
            Resolution replay = resolve(shop, identity, tap(PARIS, Credential.Type.PHONE, token(keys, id, 7), Instant.now()));
            Resolution older = resolve(shop, identity, tap(PARIS, Credential.Type.PHONE, token(keys, id, 3), Instant.now()));
            KeyPair thief = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Resolution forged = resolve(shop, identity, tap(PARIS, Credential.Type.PHONE, token(thief, id, 9), Instant.now()));

            assertThat(first.status()).isEqualTo(Resolution.Status.KNOWN);
            assertThat(first.memberId()).contains("m-0002");
            assertThat(first.verified()).isTrue();
            assertThat(replay.status()).isEqualTo(Resolution.Status.REJECTED);
            assertThat(older.status()).isEqualTo(Resolution.Status.REJECTED);
            assertThat(forged.status()).isEqualTo(Resolution.Status.REJECTED);
            assertThat(shop.count("SELECT COUNT(*) FROM credential_flags WHERE reason = 'replay'")).isEqualTo(2);
            assertThat(shop.count("SELECT COUNT(*) FROM credential_flags WHERE reason = 'bad_signature'")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void sun_nxpExample_unknownTagMayJoin_linkedTagNeedsARisingCounter(TestDb kind) throws Exception {
        try (ShopFixture shop = ShopFixture.open(kind, dir)) {
            Identity identity = identity(zeroKey());
            String message = "https://s.example/?picc_data=EF963FF7828658A599F3041510671E88&cmac=94EED9EE65337086";

            Resolution unknown = resolve(shop, identity, tap(PARIS, Credential.Type.SUN, message, Instant.now()));
            shop.db.inTransaction(c -> {
                identity.link(c, "m-0003", unknown.key(), unknown.counter(), Instant.now());
                return null;
            });
            Resolution sameCounter = resolve(shop, identity, tap(PARIS, Credential.Type.NDEF, message, Instant.now()));

            assertThat(unknown.status()).isEqualTo(Resolution.Status.UNKNOWN);
            assertThat(unknown.verified()).isTrue();
            assertThat(unknown.counter()).isEqualTo(61);
            assertThat(sameCounter.status()).isEqualTo(Resolution.Status.REJECTED);
            assertThat(sameCounter.problem()).startsWith("replay");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void ndefToken_issuedByTheHub_isVerified_aTamperedOneIsNot(TestDb kind) throws Exception {
        try (ShopFixture shop = ShopFixture.open(kind, dir)) {
            Identity identity = identity(zeroKey());
            String token = shop.db.inTransaction(c -> identity.issueNdefToken(c, "m-0004", Instant.now()));

            Resolution good = resolve(shop, identity, tap(PARIS, Credential.Type.NDEF, token, Instant.now()));
            Resolution bad = resolve(shop, identity, tap(PARIS, Credential.Type.NDEF,
                    token.substring(0, token.length() - 2) + "AA", Instant.now()));

            assertThat(good.memberId()).contains("m-0004");
            assertThat(good.verified()).isTrue();
            assertThat(bad.status()).isEqualTo(Resolution.Status.REJECTED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void cardUid_seenInParisThenLyonTenMinutesLater_isFlaggedAsProbablyCloned(TestDb kind) throws Exception {
        try (ShopFixture shop = ShopFixture.open(kind, dir)) {
            Identity identity = identity(zeroKey());
            Instant t0 = Instant.parse("2026-11-23T10:00:00Z");

            Resolution paris = resolve(shop, identity, tap(PARIS, Credential.Type.CARD_UID, "04A22B1A5C8001", t0));
            Resolution lyon = resolve(shop, identity, tap(LYON, Credential.Type.CARD_UID, "04A22B1A5C8001",
                    t0.plus(Duration.ofMinutes(10))));
            Resolution lyonNextDay = resolve(shop, identity, tap(LYON, Credential.Type.CARD_UID, "04A22B1A5C8001",
                    t0.plus(Duration.ofDays(1))));

            assertThat(paris.cloneSuspected()).isFalse();
            assertThat(paris.verified()).isFalse();
            assertThat(lyon.cloneSuspected()).isTrue();
            assertThat(lyon.memberId()).contains("m-0001");
            assertThat(lyonNextDay.cloneSuspected()).isFalse();
            assertThat(shop.count("SELECT COUNT(*) FROM credential_flags WHERE reason = 'probable_clone'")).isEqualTo(1);
        }
    }

    private static Resolution resolve(ShopFixture shop, Identity identity, TapEvent tap) throws Exception {
        KioskAddress kiosk = new KioskAddress(tap.kioskId().equals("coffee") ? "demo-store" : "lyon-store", tap.kioskId());
        return shop.db.inTransaction(c -> identity.resolve(c, kiosk, tap));
    }

    private static String token(KeyPair keys, String id, long counter) throws Exception {
        String signed = "P1." + id + "." + counter;
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(keys.getPrivate());
        ed.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(ed.sign());
    }
}
