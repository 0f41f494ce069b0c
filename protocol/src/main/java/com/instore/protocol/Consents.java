package com.instore.protocol;

/**
 * What a member allows (DESIGN.md section 5): greeting by name ({@code recognition}), offers picked from their history and
 * preferences ({@code personalised}), and their first name printed on coupons ({@code nameOnCoupons}). Without recognition
 * no name appears anywhere, whatever {@code nameOnCoupons} says.
 */
public record Consents(boolean recognition, boolean personalised, boolean nameOnCoupons) {
    /** Nothing allowed: the default for anyone who has not chosen. */
    public static final Consents NONE = new Consents(false, false, false);

    /** Whether the first name may be printed on a coupon. */
    public boolean namePrintable() {
        return recognition && nameOnCoupons;
    }
}
