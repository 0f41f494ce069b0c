package com.instore.hub.coupons;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A member's coupons as a tap sees them, read in one query: the usable coupon of each offer (the newest one not redeemed,
 * dismissed or expired) and the offers whose coupon they dismissed lately.
 */
public record HeldCoupons(Map<String, Coupon> live, Set<String> dismissed) {
    public static final HeldCoupons NONE = new HeldCoupons(Map.of(), Set.of());

    public HeldCoupons {
        live = Map.copyOf(live);
        dismissed = Set.copyOf(dismissed);
    }

    /** The member's usable coupon for the offer. */
    public Optional<Coupon> live(String offerId) {
        return Optional.ofNullable(live.get(offerId));
    }
}
