package com.instore.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The hub's answer to a tap, hub to kiosk on {@link Channel#SCREEN}, correlated to the tap by {@code tapId} (also the MQTT
 * correlation data). A {@link Kind#MEMBER} update carries a greeting and progress; a {@link Kind#WELCOME} is anonymous and
 * invites to join; {@link Kind#UNVERIFIED} says a credential failed its check (replayed phone token, bad signature);
 * {@link Kind#CLEAR} tells a kiosk still showing {@code tapId} to go back to its idle screen (the member was erased).
 * <p>
 * The hub may send a second update for the same tap after a shopper action (a printed coupon, changed consents): it
 * replaces what the screen shows for that tap. {@code joinUrl} is the join page for a WELCOME and the page where a member
 * manages their choices for a MEMBER. {@code member}, {@code joinUrl}, {@code choices} and {@code coupon} may be null.
 */
public record ScreenUpdate(int v, String id, Instant at, String kioskId, String tapId, Kind kind, String greeting,
                           MemberProgress member, List<Offer> offers, String joinUrl, MemberChoices choices,
                           CouponView coupon) implements Message {
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

    public ScreenUpdate(int v, String id, Instant at, String kioskId, String tapId, Kind kind, String greeting,
                        MemberProgress member, List<Offer> offers, String joinUrl) {
        this(v, id, at, kioskId, tapId, kind, greeting, member, offers, joinUrl, null, null);
    }

    /** What the kiosk shows. */
    public enum Kind {
        MEMBER,
        WELCOME,
        UNVERIFIED,
        CLEAR
    }
}
