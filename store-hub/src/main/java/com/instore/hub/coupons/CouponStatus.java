package com.instore.hub.coupons;

import java.time.Instant;

/** A coupon as the till and the member export see it (no member id: the till needs none). */
public record CouponStatus(String code, String offerId, Instant issuedAt, Instant expiresAt, Instant printedAt,
                           Instant dismissedAt, Instant redeemedAt, String redeemedStore, String redeemedTill,
                           String issuedStore, String issuedKiosk) {
    static CouponStatus of(CouponTable.Row r) {
        return new CouponStatus(CouponCode.display(r.code()), r.offerId(), r.issued(), r.expires(), r.printed(),
                r.dismissed(), r.redeemed(), r.redeemedStore(), r.redeemedTill(), r.storeId(), r.kioskId());
    }
}
