package com.instore.protocol;

import java.time.Instant;
import java.util.List;

/**
 * Something the shopper did on the kiosk screen after a tap, kiosk to hub on {@link Channel#ACTION} (QoS 1). {@code id} is
 * the idempotency key; {@code tapId} names the tap whose screen it was done on (the hub refuses actions on old taps).
 * {@code offerId} is set for {@link Type#PRINT_COUPON} and {@link Type#DISMISS_OFFER}, {@code consents} for
 * {@link Type#SET_CONSENTS}, {@code preferences} for {@link Type#SET_PREFERENCES}.
 */
public record ShopperAction(int v, String id, Instant at, String kioskId, String tapId, Type type, String offerId,
                            Consents consents, List<String> preferences) implements Message {
    public ShopperAction {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        Check.uuid(tapId, "tapId");
        Check.present(type, "type");
        preferences = preferences == null ? List.of() : List.copyOf(preferences);
        switch (type) {
            case PRINT_COUPON, DISMISS_OFFER -> Check.text(offerId, "offerId", 64);
            case SET_CONSENTS -> Check.present(consents, "consents");
            case SET_PREFERENCES -> preferences.forEach(p -> Check.text(p, "preferences[]", 64));
        }
    }

    /** What the shopper did. */
    public enum Type {
        PRINT_COUPON,
        DISMISS_OFFER,
        SET_CONSENTS,
        SET_PREFERENCES
    }
}
