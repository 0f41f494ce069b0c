package com.instore.hub;

import com.instore.hub.actions.ShopperActions;
import com.instore.hub.api.JsonReply;
import com.instore.hub.chain.ChainConfig;
import com.instore.hub.coupons.CouponService;
import com.instore.hub.db.Database;
import com.instore.hub.identity.Identity;
import com.instore.hub.identity.IdentityConfig;
import com.instore.hub.join.JoinInvites;
import com.instore.hub.join.JoinService;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.loyalty.Loyalty;
import com.instore.hub.loyalty.LoyaltyConfig;
import com.instore.hub.members.Erasure;
import com.instore.hub.members.MemberRecords;
import com.instore.hub.members.MemberService;
import com.instore.hub.members.Members;
import com.instore.hub.offers.OfferService;
import com.instore.hub.offers.Offers;
import com.instore.hub.offers.OffersConfig;
import com.instore.hub.taps.Retention;
import com.instore.hub.taps.TapPipeline;
import com.instore.hub.taps.TapServices;
import com.instore.protocol.MessageCodec;
import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.math3.random.JDKRandomGenerator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The shopper-facing features of issue 5, wired in one place: identity, members, loyalty, offers and coupons, join and
 * manage pages, the tap pipeline, shopper actions, erasure, retention. {@link StoreHub} builds it once; each feature reads
 * its own config node.
 */
final class Shoppers {
    final TapPipeline taps;
    final ShopperActions actions;
    final Erasure erasure;
    private final Offers offers;
    private final Retention retention;
    private final MemberService memberService;
    private final JoinService joinService;
    private final CouponService couponService;
    private final OfferService offerService;

    Shoppers(HubConfig config, Database db, Members members, Fleet fleet, String storeSecret, MessageCodec codec,
             JsonReply guard, TapPipeline.Answers publish, MeterRegistry registry, Clock clock) throws IOException {
        Config hub = config.features();
        LoyaltyConfig loyaltyConfig = LoyaltyConfig.from(hub.get("loyalty"));
        Identity identity = new Identity(IdentityConfig.from(hub.get("identity")), storeSecret, fleet::location, registry);
        offers = Offers.open(config.offersFile(), OffersConfig.from(hub.get("offers")), db, loyaltyConfig.zone(),
                new JDKRandomGenerator());
        JoinInvites invites = new JoinInvites(config.publicUrl(), storeSecret);
        Loyalty loyalty = new Loyalty(loyaltyConfig, !db.isSqlite());
        taps = new TapPipeline(fleet, db, new TapServices(identity, members, loyalty, offers, invites), codec, publish,
                registry, clock);
        actions = new ShopperActions(fleet, db, members, offers, codec, publish,
                Duration.parse(hub.get("actions.max-age").asString().orElse("PT2M")), config.publicUrl(),
                loyaltyConfig.zone(), registry, clock);
        MemberRecords records = new MemberRecords(db, members, identity, offers.coupons());
        erasure = new Erasure(db, identity, offers.coupons(), codec, taps::clearScreen, clock);
        retention = Retention.from(hub.get("retention"), db,
                ChainConfig.from(hub.get("chain")).isPresent(), clock);
        memberService = new MemberService(db, members, identity, records, erasure,
                new com.instore.hub.members.MemberSearch(db, members, storeSecret), codec, guard, clock);
        joinService = new JoinService(db, invites, members, identity, records, erasure, offers::categories,
                fleet.storeName(), config.publicUrl(), guard, clock);
        couponService = new CouponService(offers.coupons(), fleet.storeId(), codec, guard, clock);
        offerService = new OfferService(offers, codec, guard);
    }

    /** Offers file reloads every {@code reload} and the retention purge every hour (first after a minute). */
    void schedule(ScheduledExecutorService timers, Duration reload) {
        timers.scheduleWithFixedDelay(offers::reloadIfChanged, reload.toMillis(), reload.toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(retention::purge, 1, 60, TimeUnit.MINUTES);
    }

    void routes(HttpRouting.Builder routing) {
        routing.register(memberService).register(joinService).register(couponService).register(offerService);
    }
}
