package com.instore.hub.offers;

import com.instore.hub.coupons.Coupons;
import com.instore.hub.db.Database;
import com.instore.hub.members.Tier;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.Offer;
import org.apache.commons.math3.random.RandomGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's offers: the catalogue (config/offers.yaml, reloaded on change, editable through {@link OfferService}), the
 * pick for a tap ({@link OfferPicker}) and the coupons that come with it ({@link #coupons()}). Thread-safe.
 */
public final class Offers {
    /** The screen shows at most this many offers unless configured otherwise. */
    public static final int MAX_SHOWN = 3;

    private final OfferCatalogue catalogue;
    private final OfferCounters counters;
    private final Bandit bandit;
    private final Coupons coupons;
    private final OfferPicker picker;

    private Offers(Path file, OffersConfig config, Database db, ZoneId zone, RandomGenerator random) throws IOException {
        this.catalogue = OfferCatalogue.open(file, offers -> {
            if (db != null) {
                OfferCounters.ensure(db, offers);
            }
        });
        this.counters = new OfferCounters(db != null && !db.isSqlite());
        this.bandit = new Bandit(random);
        this.coupons = db == null ? null : new Coupons(db, this::claim);
        this.picker = new OfferPicker(config, coupons, counters, bandit, zone);
    }

    /** The full feature on {@code db}: counters, coupons, bandit. {@code random} drives the bandit (seed it in tests). */
    public static Offers open(Path file, OffersConfig config, Database db, ZoneId zone, RandomGenerator random)
            throws IOException {
        return new Offers(file, config, Objects.requireNonNull(db, "db"), zone, random);
    }

    /** The catalogue alone, without a database: {@link #select} only (benchmarks, tools). */
    public static Offers load(Path file) throws IOException {
        return new Offers(file, OffersConfig.defaults(), null, ZoneId.systemDefault(),
                new org.apache.commons.math3.random.JDKRandomGenerator());
    }

    /** The tap's offers with the member's coupons, on the tap's transaction. */
    public List<ShownOffer> pick(Connection c, Audience audience, KioskAddress kiosk, String tapId, Instant at)
            throws SQLException {
        return picker.pick(c, catalogue.offers(), audience, new OfferPicker.Tap(kiosk, tapId, at));
    }

    /**
     * Generic offers by tier alone, no schedule, no coupons (a member's tier, or anonymous when empty): the most exclusive
     * first, at most {@link #MAX_SHOWN}.
     */
    public List<Offer> select(Optional<Tier> tier) {
        String audience = tier.map(Tier::name).orElse(OfferSpec.ANONYMOUS);
        return catalogue.offers().stream()
                .filter(o -> o.tiers().contains(audience) && o.generic() && !o.pausedByOperator())
                .sorted(Comparator.comparingInt(o -> o.tiers().size()))
                .limit(MAX_SHOWN)
                .map(o -> OfferPicker.wire(o, false))
                .toList();
    }

    public Coupons coupons() {
        return coupons;
    }

    /** The offer categories of the catalogue, sorted: what a shopper may state preferences for. */
    public List<String> categories() {
        return catalogue.offers().stream().map(OfferSpec::category).filter(s -> !s.isEmpty()).distinct().sorted().toList();
    }

    /** An offer of the current catalogue. */
    public Optional<OfferSpec> find(String offerId) {
        return catalogue.find(offerId);
    }

    /**
     * Pauses or resumes an offer, written through to the offers file (so a pause survives a restart); the next tap's pick
     * already sees it. Empty when there is no such offer. Blocking (file write); serialised with other changes.
     */
    public Optional<OfferSpec> pause(String offerId, boolean paused) throws IOException {
        Optional<OfferSpec> offer = catalogue.find(offerId);
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        OfferSpec changed = offer.get().withPaused(paused);
        List<String> problems = catalogue.change(offerId, changed);
        if (!problems.isEmpty()) {
            throw new IOException("offers: " + String.join("; ", problems));
        }
        return Optional.of(changed);
    }

    /** Checks the offers file and reloads it when it changed; never throws (a bad file is logged and kept out). */
    public void reloadIfChanged() {
        catalogue.reloadIfChanged();
    }

    OfferCatalogue catalogue() {
        return catalogue;
    }

    /** A redemption against the offer's stock and redemption budget; a redeemed coupon the bandit ranked is its reward. */
    private boolean claim(Connection c, String offerId, String segment, boolean ranked) throws SQLException {
        Optional<OfferSpec> offer = catalogue.find(offerId);
        Long limit = offer.map(Offers::redemptionLimit).orElse(null);
        if (!counters.redeem(c, offerId, limit)) {
            return false;
        }
        if (ranked) {
            bandit.rewarded(c, segment, offerId);
        }
        return true;
    }

    private static Long redemptionLimit(OfferSpec o) {
        Long budget = o.budget() == null ? null : o.budget().redemptions();
        if (o.stock() == null) {
            return budget;
        }
        return budget == null ? o.stock() : Math.min(budget, o.stock());
    }
}
