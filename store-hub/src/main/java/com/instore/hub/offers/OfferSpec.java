package com.instore.hub.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.instore.hub.loyalty.Segment;
import com.instore.hub.members.Tier;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One offer of the catalogue, as written in config/offers.yaml and sent to and from {@code /api/offers} (the same names).
 * Absent lists mean "any". {@link #problems()} lists what is wrong in words; a catalogue with problems is refused whole.
 *
 * @param tiers        member tiers it fits, and/or {@code ANONYMOUS} for shoppers who are not members (required)
 * @param segments     new, returning, lapsed; empty = any
 * @param minVisits    verified visits the member must have made
 * @param zones        kiosk zones it shows in; {@code kiosks}: kiosk ids it shows on
 * @param days         MON..SUN; {@code hours}: "HH:MM-HH:MM" in the store's time zone (may pass midnight)
 * @param personalised aimed at the person (e.g. from their preferences): shown only with consent to personalisation
 * @param stock        units for this offer: eligible while fewer were redeemed; null = unlimited
 * @param caps         coupons per member per day and per week
 * @param budget       the offer's global budget: coupons issued and/or redemptions
 * @param couponDays   how long a coupon is valid (days, default 7)
 * @param coupon       whether members get a printable coupon (default true; false for information only)
 * @param paused       paused by an operator: never selected for a shopper until resumed (default false)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OfferSpec(String id, String title, String detail, String category, List<String> tiers, List<String> segments,
                        @JsonProperty("min-visits") Integer minVisits, List<String> zones, List<String> kiosks,
                        List<String> days, String hours, Boolean personalised, Long stock, Caps caps, Budget budget,
                        @JsonProperty("coupon-days") Integer couponDays, Boolean coupon,
                        Boolean paused) {
    static final String ANONYMOUS = "ANONYMOUS";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern HOURS = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    public OfferSpec {
        tiers = upper(tiers);
        segments = upper(segments);
        zones = zones == null ? List.of() : List.copyOf(zones);
        kiosks = kiosks == null ? List.of() : List.copyOf(kiosks);
        days = upper(days);
        category = category == null ? "" : category.strip().toLowerCase(Locale.ROOT);
    }

    /** Coupons one member may get: per day and per week (null = no cap). */
    public record Caps(@JsonProperty("per-member-day") Integer perMemberDay,
                       @JsonProperty("per-member-week") Integer perMemberWeek) {
    }

    /** The global budget: coupons issued and redemptions (null = unlimited). */
    public record Budget(Long coupons, Long redemptions) {
    }

    /** What is wrong with this offer, in words; empty when it is valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        String name = "offer '" + id + "'";
        if (id == null || !ID.matcher(id).matches()) {
            p.add("offer id '" + id + "' must be 1-64 of [a-z0-9_-]");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            p.add(name + ": title must be 1-200 characters");
        }
        if (tiers.isEmpty()) {
            p.add(name + ": tiers must name at least one tier or ANONYMOUS");
        }
        tiers.stream().filter(t -> !ANONYMOUS.equals(t) && !isTier(t)).forEach(t -> p.add(name + " names unknown tier '" + t + "'"));
        segments.stream().filter(s -> !isSegment(s)).forEach(s -> p.add(name + " names unknown segment '" + s + "'"));
        days.stream().filter(d -> !isDay(d)).forEach(d -> p.add(name + " names unknown day '" + d + "' (MON..SUN)"));
        if (hours != null && !validHours()) {
            p.add(name + ": hours must be HH:MM-HH:MM, got '" + hours + "'");
        }
        nonNegative(p, name, "min-visits", minVisits == null ? null : minVisits.longValue());
        nonNegative(p, name, "stock", stock);
        nonNegative(p, name, "coupon-days", couponDays == null ? null : couponDays.longValue() - 1);
        if (caps != null) {
            nonNegative(p, name, "caps.per-member-day", caps.perMemberDay() == null ? null : caps.perMemberDay() - 1L);
            nonNegative(p, name, "caps.per-member-week", caps.perMemberWeek() == null ? null : caps.perMemberWeek() - 1L);
        }
        if (budget != null) {
            nonNegative(p, name, "budget.coupons", budget.coupons());
            nonNegative(p, name, "budget.redemptions", budget.redemptions());
        }
        return p;
    }

    /** Not aimed at the person: no segment, no minimum visits, not marked personalised. */
    boolean generic() {
        return !Boolean.TRUE.equals(personalised) && segments.isEmpty() && minimumVisits() == 0;
    }

    /** Whether an operator paused it (then no shopper gets it, whatever else fits). */
    public boolean pausedByOperator() {
        return Boolean.TRUE.equals(paused);
    }

    /** This offer, paused or running ({@code paused} false is written as absent, the default). */
    OfferSpec withPaused(boolean pause) {
        return new OfferSpec(id, title, detail, category, tiers, segments, minVisits, zones, kiosks, days, hours, personalised,
                stock, caps, budget, couponDays, coupon, pause ? Boolean.TRUE : null);
    }

    int minimumVisits() {
        return minVisits == null ? 0 : minVisits;
    }

    boolean issuesCoupons() {
        return !Boolean.FALSE.equals(coupon);
    }

    int validDays() {
        return couponDays == null ? 7 : couponDays;
    }

    LocalTime from() {
        return LocalTime.parse(hours.substring(0, 5));
    }

    LocalTime until() {
        return LocalTime.parse(hours.substring(6));
    }

    private boolean validHours() {
        var m = HOURS.matcher(hours);
        try {
            return m.matches() && LocalTime.parse(m.group(1)) != null && LocalTime.parse(m.group(2)) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void nonNegative(List<String> p, String name, String field, Long value) {
        if (value != null && value < 0) {
            p.add(name + ": " + field + " is out of range");
        }
    }

    private static boolean isTier(String t) {
        return java.util.Arrays.stream(Tier.values()).anyMatch(x -> x.name().equals(t));
    }

    private static boolean isSegment(String s) {
        return java.util.Arrays.stream(Segment.values()).anyMatch(x -> x != Segment.ANONYMOUS && x.name().equals(s));
    }

    private static boolean isDay(String d) {
        return java.util.Arrays.stream(DayOfWeek.values()).anyMatch(x -> x.name().startsWith(d) && d.length() == 3);
    }

    private static List<String> upper(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> String.valueOf(v).strip().toUpperCase(Locale.ROOT))
                .toList();
    }
}
