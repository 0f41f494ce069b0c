package com.instore.protocol;

/**
 * One offer as the kiosk shows it. {@code category} may be empty; {@code printable} says whether a coupon is held for the
 * shopper (the screen then offers "Print coupon").
 */
public record Offer(String id, String title, String detail, String category, boolean printable) {
    public Offer {
        Check.text(id, "offer.id", 64);
        Check.text(title, "offer.title", 200);
        detail = detail == null ? "" : detail;
        category = category == null ? "" : category;
    }

    public Offer(String id, String title, String detail) {
        this(id, title, detail, "", false);
    }
}
