package com.instore.hub.offers;

import com.instore.hub.loyalty.Segment;
import com.instore.hub.members.Tier;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Who an offer is being picked for, and where and when.
 *
 * @param memberId     empty for a shopper who is not a member (generic offers, no coupons)
 * @param tier         the member's tier; empty when anonymous
 * @param segment      new, returning or lapsed before this tap; ANONYMOUS when not a member
 * @param visits       verified visits so far
 * @param personalised consent to personalised offers: without it, generic offers only, in catalogue order
 * @param preferences  offer categories the shopper asked to see (ignored without consent to personalisation)
 * @param localTime    the tap's time in the store's zone (days and hours)
 */
public record Audience(Optional<String> memberId, Optional<Tier> tier, Segment segment, long visits, boolean personalised,
                       List<String> preferences, String zone, String kioskId, LocalDateTime localTime) {
    public Audience {
        preferences = List.copyOf(preferences);
    }

    /** A shopper who is not a member. */
    public static Audience anonymous(String zone, String kioskId, LocalDateTime localTime) {
        return new Audience(Optional.empty(), Optional.empty(), Segment.ANONYMOUS, 0, false, List.of(), zone, kioskId,
                localTime);
    }
}
