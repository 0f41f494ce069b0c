package com.instore.hub.coupons;

import java.time.Instant;

/** A coupon held for a member: its code (canonical, no dashes), the offer, and until when it is valid. */
public record Coupon(String code, String offerId, Instant expiresAt) {
    /** The code as people read it. */
    public String display() {
        return CouponCode.display(code);
    }
}
