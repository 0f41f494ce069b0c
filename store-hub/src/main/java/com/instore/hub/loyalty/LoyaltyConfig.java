package com.instore.hub.loyalty;

import com.instore.hub.members.Tier;
import io.helidon.config.Config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * Loyalty rules, the {@code hub.loyalty} node; every default is here.
 *
 * @param pointsPerVisit     points for a verified visit ({@code points-per-visit}, 50)
 * @param visitPeriod        a store counts at most one visit per member in this period ({@code visit-period}, PT12H)
 * @param thresholds         points at which each tier starts ({@code tiers.SILVER} 500, {@code GOLD} 1500,
 *                           {@code PLATINUM} 5000); a member is promoted when reaching one, never demoted
 * @param earlyBirdBefore    a visit before this local time earns the Early bird badge ({@code early-bird-before}, 09:00)
 * @param streakWeeks        visits in this many consecutive weeks earn the streak badge ({@code streak-weeks}, 4)
 * @param lapsedAfter        a member whose last visit is older than this is "lapsed" ({@code lapsed-after}, 60 days)
 * @param cardUidEarnsPoints a bare card UID earns points too ({@code card-uid-earns-points}, false: a UID is clonable and
 *                           proves no presence; the demo turns it on because its members only have cards)
 * @param zone               the store's time zone for days, weeks, months and the early bird ({@code zone})
 * @param rankSize           the store rank shows the top this many regulars of the month ({@code rank-size}, 10)
 */
public record LoyaltyConfig(long pointsPerVisit, Duration visitPeriod, Map<Tier, Long> thresholds,
                            LocalTime earlyBirdBefore, int streakWeeks, Duration lapsedAfter, boolean cardUidEarnsPoints,
                            ZoneId zone, int rankSize) {
    public LoyaltyConfig {
        if (pointsPerVisit < 0 || visitPeriod.isNegative() || streakWeeks < 2 || rankSize < 1) {
            throw new IllegalArgumentException("hub.loyalty: points-per-visit >= 0, visit-period >= 0, streak-weeks >= 2"
                    + " and rank-size >= 1 are required");
        }
        thresholds = Map.copyOf(thresholds);
        long previous = -1;
        for (Tier tier : Tier.values()) {
            long threshold = thresholds.getOrDefault(tier, 0L);
            if (threshold < previous) {
                throw new IllegalArgumentException("hub.loyalty.tiers must rise with the tiers, " + tier + " does not");
            }
            previous = threshold;
        }
    }

    public static LoyaltyConfig defaults() {
        return from(Config.empty());
    }

    public static LoyaltyConfig from(Config loyalty) {
        Map<Tier, Long> thresholds = new EnumMap<>(Tier.class);
        thresholds.put(Tier.BRONZE, 0L);
        thresholds.put(Tier.SILVER, loyalty.get("tiers.SILVER").asLong().orElse(500L));
        thresholds.put(Tier.GOLD, loyalty.get("tiers.GOLD").asLong().orElse(1500L));
        thresholds.put(Tier.PLATINUM, loyalty.get("tiers.PLATINUM").asLong().orElse(5000L));
        return new LoyaltyConfig(loyalty.get("points-per-visit").asLong().orElse(50L),
                Duration.parse(loyalty.get("visit-period").asString().orElse("PT12H")),
                thresholds,
                LocalTime.parse(loyalty.get("early-bird-before").asString().orElse("09:00")),
                loyalty.get("streak-weeks").asInt().orElse(4),
                Duration.parse(loyalty.get("lapsed-after").asString().orElse("P60D")),
                loyalty.get("card-uid-earns-points").asBoolean().orElse(false),
                loyalty.get("zone").asString().map(ZoneId::of).orElse(ZoneId.systemDefault()),
                loyalty.get("rank-size").asInt().orElse(10));
    }

    /** The highest tier whose threshold {@code points} reach. */
    Tier tierFor(long points) {
        Tier reached = Tier.BRONZE;
        for (Tier tier : Tier.values()) {
            if (points >= thresholds.getOrDefault(tier, 0L)) {
                reached = tier;
            }
        }
        return reached;
    }

    /** What the next tier needs, in words: "120 points to Gold", or "Top tier reached". */
    String nextTier(Tier tier, long points) {
        return tier.next().map(n -> Math.max(1, thresholds.get(n) - points) + " points to " + n.label())
                .orElse("Top tier reached");
    }
}
