package com.instore.hub.offers;

import com.instore.hub.members.Tier;

import java.time.LocalTime;

/**
 * Eligibility: not paused, tier (or ANONYMOUS), segment, minimum visits, zone and kiosk, days and hours, consent, stock and the global
 * budget as counted so far (the coupon budget is enforced again, atomically, when a coupon is issued). Stateless.
 */
final class OfferRules {
    private OfferRules() {
    }

    static boolean eligible(OfferSpec offer, Audience a, OfferCounters.Counts counts) {
        return !offer.pausedByOperator() && audience(offer, a) && place(offer, a) && time(offer, a) && available(offer, counts);
    }

    private static boolean audience(OfferSpec o, Audience a) {
        if (a.tier().isEmpty()) {
            return o.tiers().contains(OfferSpec.ANONYMOUS) && o.generic();
        }
        if (!o.tiers().contains(a.tier().map(Tier::name).orElseThrow())) {
            return false;
        }
        if (!a.personalised() && !o.generic()) {
            return false;
        }
        return (o.segments().isEmpty() || o.segments().contains(a.segment().name())) && a.visits() >= o.minimumVisits();
    }

    private static boolean place(OfferSpec o, Audience a) {
        return (o.zones().isEmpty() || o.zones().contains(a.zone())) && (o.kiosks().isEmpty() || o.kiosks().contains(a.kioskId()));
    }

    private static boolean time(OfferSpec o, Audience a) {
        String day = a.localTime().getDayOfWeek().name().substring(0, 3);
        if (!o.days().isEmpty() && !o.days().contains(day)) {
            return false;
        }
        if (o.hours() == null) {
            return true;
        }
        LocalTime t = a.localTime().toLocalTime();
        LocalTime from = o.from();
        LocalTime until = o.until();
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    private static boolean available(OfferSpec o, OfferCounters.Counts counts) {
        if (o.stock() != null && counts.redeemed() >= o.stock()) {
            return false;
        }
        OfferSpec.Budget budget = o.budget();
        return budget == null || (budget.redemptions() == null || counts.redeemed() < budget.redemptions())
                && (budget.coupons() == null || counts.issued() < budget.coupons());
    }
}
