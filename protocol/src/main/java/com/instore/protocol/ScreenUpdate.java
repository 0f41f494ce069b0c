package com.instore.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The hub's answer to a tap, hub to kiosk on {@link Channel#SCREEN}, correlated to the tap by {@code tapId} (also the MQTT
 * correlation data). A {@link Kind#MEMBER} update carries a greeting and progress; a {@link Kind#WELCOME} is anonymous and
 * invites to join. {@code member} and {@code joinUrl} may be null.
 */
public record ScreenUpdate(int v, String id, Instant at, String kioskId, String tapId, Kind kind, String greeting,
                           MemberProgress member, List<Offer> offers, String joinUrl) implements Message {
    public ScreenUpdate {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        Check.uuid(tapId, "tapId");
        Check.present(kind, "kind");
        Check.text(greeting, "greeting", 200);
        offers = offers == null ? List.of() : List.copyOf(offers);
        if (kind == Kind.MEMBER && member == null) {
            throw new IllegalArgumentException("a MEMBER screen update needs 'member'");
        }
    }

    /** What the kiosk shows. */
    public enum Kind {
        MEMBER,
        WELCOME
    }
}
