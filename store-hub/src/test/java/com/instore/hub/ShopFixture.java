package com.instore.hub;

import com.instore.hub.db.Database;
import com.instore.hub.db.TestDb;
import com.instore.hub.identity.Identity;
import com.instore.hub.identity.IdentityConfig;
import com.instore.hub.join.JoinInvites;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.loyalty.Loyalty;
import com.instore.hub.loyalty.LoyaltyConfig;
import com.instore.hub.members.Members;
import com.instore.hub.mqtt.Inbound;
import com.instore.hub.offers.Offers;
import com.instore.hub.offers.OffersConfig;
import com.instore.hub.taps.TapPipeline;
import com.instore.hub.taps.TapServices;
import com.instore.protocol.Credential;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import com.instore.protocol.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.commons.math3.random.JDKRandomGenerator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hub's tap pipeline over a real database (SQLite or PostgreSQL), the demo store, members and a copy of an offers
 * file; the MQTT publish is replaced by a list and time by a {@link TestClock}. For unit tests of the shopper features.
 */
public final class ShopFixture implements AutoCloseable {
    public static final KioskAddress COFFEE = new KioskAddress("demo-store", "coffee");
    public static final KioskAddress ENTRANCE = new KioskAddress("demo-store", "entrance");
    public static final Instant MONDAY_10AM = Instant.parse("2026-11-23T10:00:00Z");
    public static final String SECRET = "test-store-secret";

    public final MessageCodec codec = new MessageCodec();
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    /** When set, every publish is refused (returns false), as a stopping broker or a full Paho window would. */
    public volatile boolean brokerRefuses;
    public final TestClock clock = new TestClock(MONDAY_10AM);
    public final Database db;
    public final Members members;
    public final Fleet fleet;
    public final Identity identity;
    public final Offers offers;
    public final TapPipeline pipeline;

    /** One publish. */
    public record Sent(String topic, byte[] payload, String correlation, long expiry) {
    }

    private ShopFixture(Database db, Path dir, LoyaltyConfig loyalty, Path offersFile) throws Exception {
        this.db = db;
        members = new Members(db, SECRET);
        members.load(Path.of("../config/demo/members.csv"));
        fleet = Fleet.open(Path.of("../config/store.yaml"), dir, db, codec, clock);
        identity = new Identity(IdentityConfig.defaults(), SECRET, fleet::location, registry);
        Path offersCopy = Files.copy(offersFile, dir.resolve("offers-" + UUID.randomUUID() + ".yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(42);
        offers = Offers.open(offersCopy, OffersConfig.defaults(), db, ZoneOffset.UTC, random);
        pipeline = new TapPipeline(fleet, db, new TapServices(identity, members, new Loyalty(loyalty, !db.isSqlite()),
                offers, new JoinInvites("http://hub.local:8080", SECRET)), codec,
                (topic, payload, correlation, expiry) -> !brokerRefuses && sent.add(new Sent(topic, payload,
                        new String(correlation, StandardCharsets.UTF_8), expiry)), registry, clock);
    }

    /** Card UIDs earn points (as in the demo), UTC, the shipped offers. */
    public static ShopFixture open(TestDb kind, Path dir) throws Exception {
        return open(kind, dir, demoLoyalty(), Path.of("../config/offers.yaml"));
    }

    public static ShopFixture open(TestDb kind, Path dir, LoyaltyConfig loyalty, Path offersFile) throws Exception {
        Database db = kind.open(dir);
        try {
            return new ShopFixture(db, dir, loyalty, offersFile);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    public static LoyaltyConfig demoLoyalty() {
        LoyaltyConfig d = LoyaltyConfig.defaults();
        return new LoyaltyConfig(d.pointsPerVisit(), d.visitPeriod(), d.thresholds(), d.earlyBirdBefore(), d.streakWeeks(),
                d.lapsedAfter(), true, ZoneOffset.UTC, d.rankSize());
    }

    public TapEvent tap(KioskAddress kiosk, Credential.Type type, String value) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), kiosk.kioskId(),
                "test-reader", new Credential(type, value), 1);
    }

    public TapEvent card(KioskAddress kiosk, String uid) {
        return tap(kiosk, Credential.Type.CARD_UID, uid);
    }

    /** Handles the tap as the hub does and returns the answer it published. */
    public ScreenUpdate answer(KioskAddress kiosk, TapEvent tap) throws Exception {
        int before = sent.size();
        pipeline.handle(inbound(kiosk, codec.encode(tap)));
        return decode(sent.get(before).payload());
    }

    public ScreenUpdate decode(byte[] payload) throws InvalidMessageException {
        return codec.decode(payload, ScreenUpdate.class);
    }

    public Inbound inbound(KioskAddress kiosk, byte[] payload) {
        return new Inbound(kiosk.topic(com.instore.protocol.Channel.TAP),
                Topics.parse(kiosk.topic(com.instore.protocol.Channel.TAP)).orElseThrow(), payload, false,
                System.nanoTime());
    }

    public long count(String sql, Object... args) throws SQLException {
        return db.withConnection(c -> com.instore.hub.db.Sql.count(c, sql, args));
    }

    @Override
    public void close() {
        db.close();
    }
}
