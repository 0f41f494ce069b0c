package com.instore.hub.offers;

import com.instore.hub.coupons.Coupon;
import com.instore.hub.coupons.Coupons;
import com.instore.hub.coupons.HeldCoupons;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.Offer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks a tap's offers: the eligible ones, ranked (with consent: stated preferences first, then the bandit's sampled
 * redemption rates; without: the most exclusive first, then catalogue order), at most {@code maxShown}, each with the
 * member's coupon: the live one again, or a new one within the caps (per member per day and week, global budget). Runs on
 * the tap's transaction, whose member row lock keeps one member's caps exact under concurrent taps. Blocking.
 */
final class OfferPicker {
    private final OffersConfig config;
    private final Coupons coupons;
    private final OfferCounters counters;
    private final Bandit bandit;
    private final ZoneId zone;

    OfferPicker(OffersConfig config, Coupons coupons, OfferCounters counters, Bandit bandit, ZoneId zone) {
        this.config = config;
        this.coupons = coupons;
        this.counters = counters;
        this.bandit = bandit;
        this.zone = zone;
    }

    /** Where and for which tap coupons are issued. */
    record Tap(KioskAddress kiosk, String tapId, Instant at) {
    }

    List<ShownOffer> pick(Connection c, List<OfferSpec> catalogue, Audience a, Tap tap) throws SQLException {
        Map<String, OfferCounters.Counts> counts = counters.all(c);
        HeldCoupons held = a.memberId().isPresent()
                ? coupons.held(c, a.memberId().get(), tap.at(), tap.at().minus(config.dismissedFor()))
                : HeldCoupons.NONE;
        List<OfferSpec> eligible = catalogue.stream()
                .filter(o -> !held.dismissed().contains(o.id()))
                .filter(o -> OfferRules.eligible(o, a, counts.getOrDefault(o.id(), OfferCounters.Counts.NONE)))
                .toList();
        if (a.memberId().isPresent()) {
            // Row locks in offer id order (after the member's own): concurrent taps never wait on each other in a circle.
            counters.lock(c, eligible.stream().filter(OfferSpec::issuesCoupons).map(OfferSpec::id).sorted().toList());
        }
        List<ShownOffer> shown = new ArrayList<>();
        for (OfferSpec offer : rank(c, eligible, a)) {
            if (shown.size() == config.maxShown()) {
                break;
            }
            show(c, offer, a, tap, held).ifPresent(shown::add);
        }
        if (a.personalised()) {
            // In offer id order: concurrent taps then take the arms' row locks in the same order.
            for (String id : shown.stream().map(s -> s.offer().id()).sorted().toList()) {
                bandit.shown(c, a.segment().name(), id);
            }
        }
        return shown;
    }

    private List<OfferSpec> rank(Connection c, List<OfferSpec> eligible, Audience a) throws SQLException {
        if (!a.personalised()) {
            return eligible.stream().sorted(Comparator.comparingInt(o -> o.tiers().size())).toList();
        }
        Map<String, Bandit.Arm> arms = bandit.arms(c, a.segment().name());
        Map<OfferSpec, Double> draws = eligible.stream().collect(Collectors.toMap(Function.identity(),
                o -> bandit.sample(arms.getOrDefault(o.id(), new Bandit.Arm(0, 0)))));
        Comparator<OfferSpec> preferred = Comparator.comparing(o -> !a.preferences().contains(o.category()));
        return eligible.stream().sorted(preferred.thenComparing(draws::get, Comparator.reverseOrder())).toList();
    }

    private Optional<ShownOffer> show(Connection c, OfferSpec o, Audience a, Tap tap, HeldCoupons held)
            throws SQLException {
        if (a.memberId().isEmpty() || !o.issuesCoupons()) {
            return Optional.of(new ShownOffer(wire(o, false), Optional.empty()));
        }
        String member = a.memberId().get();
        Optional<Coupon> coupon = held.live(o.id());
        if (coupon.isEmpty() && withinCaps(c, o, member, tap.at())
                && counters.issue(c, o.id(), o.budget() == null ? null : o.budget().coupons())) {
            coupon = Optional.of(coupons.issue(c, o.id(), member, a.segment().name(), a.personalised(), tap.kiosk(),
                    tap.tapId(), tap.at(), Duration.ofDays(o.validDays())));
        }
        return coupon.map(k -> new ShownOffer(wire(o, true), Optional.of(k)));
    }

    private boolean withinCaps(Connection c, OfferSpec o, String member, Instant at) throws SQLException {
        if (o.caps() == null) {
            return true;
        }
        var day = at.atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant weekStart = day.with(DayOfWeek.MONDAY).atStartOfDay(zone).toInstant();
        Integer perDay = o.caps().perMemberDay();
        Integer perWeek = o.caps().perMemberWeek();
        return (perDay == null || coupons.issuedSince(c, member, o.id(), dayStart) < perDay)
                && (perWeek == null || coupons.issuedSince(c, member, o.id(), weekStart) < perWeek);
    }

    static Offer wire(OfferSpec o, boolean printable) {
        return new Offer(o.id(), o.title(), o.detail(), o.category(), printable);
    }
}
