package com.instore.protocol;

import java.time.Instant;

/**
 * A coupon shown on the kiosk screen once the shopper asked to print it (the screen is the fallback when the printer is
 * out of paper). {@code qrPayload} is what the till scans; {@code qrUrl} serves it as an SVG image from the hub.
 */
public record CouponView(String code, String offerId, String title, String qrPayload, String qrUrl, Instant expiresAt) {
    public CouponView {
        Check.text(code, "coupon.code", 64);
        Check.text(offerId, "coupon.offerId", 64);
        Check.text(title, "coupon.title", 200);
        Check.text(qrPayload, "coupon.qrPayload", 512);
        qrUrl = qrUrl == null ? "" : qrUrl;
        Check.present(expiresAt, "coupon.expiresAt");
    }
}
