package com.instore.hub.coupons;

import java.time.Instant;

/**
 * What a till's redemption request came to. {@code at}, {@code storeId} and {@code till} say when and where the coupon was
 * redeemed (for REDEEMED, REPEATED and ALREADY_REDEEMED).
 */
public record Redemption(Outcome outcome, String code, String offerId, Instant at, String storeId, String till,
                         String detail) {
    /** The outcomes, each with its HTTP status. */
    public enum Outcome {
        /** Redeemed now. */
        REDEEMED(200),
        /** The same request again (same request id): the first answer, nothing changed. */
        REPEATED(200),
        /** Redeemed before by another request. */
        ALREADY_REDEEMED(409),
        /** The offer's redemption budget or stock is used up. */
        EXHAUSTED(409),
        /** Past its expiry. */
        EXPIRED(410),
        /** No such coupon. */
        UNKNOWN(404),
        /** Not a coupon code (wrong length, symbols or check symbol). */
        MALFORMED(400);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
