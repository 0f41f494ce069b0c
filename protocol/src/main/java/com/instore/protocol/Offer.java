package com.instore.protocol;

/** One offer as the kiosk shows it. */
public record Offer(String id, String title, String detail) {
    public Offer {
        Check.text(id, "offer.id", 64);
        Check.text(title, "offer.title", 200);
        detail = detail == null ? "" : detail;
    }
}
