package com.instore.agent.screen;

import com.instore.protocol.MemberProgress;
import com.instore.protocol.Offer;
import com.instore.protocol.ScreenUpdate;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the kiosk page shows, sent as JSON to the page. {@code state} is one of attract, tap, member, welcome, offline, refused,
 * unread, printfallback; {@code tapId} is the tap the screen is about (null on attract); member fields and {@code joinUrl}
 * may be null; {@code printFallback} is set in state printfallback only; {@code member} (member screens only) carries the
 * member's progress details, choices and a coupon to show.
 */
public record ScreenState(String state, String tapId, String greeting, String message, String tier, Long points,
                          String next, List<OfferView> offers, String joinUrl, PrintFallback printFallback,
                          MemberView member) {
    public static final String ATTRACT = "attract";
    public static final String TAP = "tap";
    public static final String MEMBER = "member";
    public static final String WELCOME = "welcome";
    public static final String OFFLINE = "offline";
    public static final String REFUSED = "refused";
    /** Something was held to the reader but nothing could be read from it. */
    public static final String UNREAD = "unread";
    /** The printer could not print a coupon: its QR code is on screen instead. */
    public static final String PRINT_FALLBACK = "printfallback";
    private static final Set<String> STATES = Set.of(ATTRACT, TAP, MEMBER, WELCOME, OFFLINE, REFUSED, UNREAD,
            PRINT_FALLBACK);

    public ScreenState {
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("unknown screen state '" + state + "', expected one of " + STATES);
        }
        Objects.requireNonNull(greeting, "greeting");
        message = message == null ? "" : message;
        offers = offers == null ? List.of() : List.copyOf(offers);
        if (PRINT_FALLBACK.equals(state) != (printFallback != null)) {
            throw new IllegalArgumentException("a printfallback screen, and only it, carries the coupon to show");
        }
    }

    /** Without the member's details. */
    public ScreenState(String state, String tapId, String greeting, String message, String tier, Long points,
                       String next, List<OfferView> offers, String joinUrl, PrintFallback printFallback) {
        this(state, tapId, greeting, message, tier, points, next, offers, joinUrl, printFallback, null);
    }

    /** Every screen but the print fallback. */
    public ScreenState(String state, String tapId, String greeting, String message, String tier, Long points,
                       String next, List<OfferView> offers, String joinUrl) {
        this(state, tapId, greeting, message, tier, points, next, offers, joinUrl, null, null);
    }

    /** The idle loop. */
    public static ScreenState attract() {
        return simple(ATTRACT, null, "Tap your card or phone", "Say hello and see what's waiting for you today");
    }

    /** Instant local feedback, before any network. */
    public static ScreenState tap(String tapId) {
        return simple(TAP, Objects.requireNonNull(tapId, "tapId"), "Hello!", "One moment...");
    }

    /** The hub is late or away: a generic welcome; the tap is kept and delivered later. */
    public static ScreenState offline(String tapId) {
        return simple(OFFLINE, Objects.requireNonNull(tapId, "tapId"), "Welcome!", "Your visit is recorded.");
    }

    /** The tap could not be kept (outbox full, disk full): the shopper must not believe the visit counted. */
    public static ScreenState refused(String tapId) {
        return simple(REFUSED, Objects.requireNonNull(tapId, "tapId"), "Sorry!",
                "This kiosk cannot record your visit right now. Please let a member of staff know.");
    }

    /** A card or phone was held to the reader but could not be read: the shopper is asked to try again. */
    public static ScreenState unread() {
        return simple(UNREAD, null, "Card not read, please try again", "Hold your card or phone flat on the reader.");
    }

    /** The coupon of tap {@code tapId} could not be printed: it is shown on screen to be scanned at the till. */
    public static ScreenState printFallback(String tapId, PrintFallback coupon) {
        return new ScreenState(PRINT_FALLBACK, Objects.requireNonNull(tapId, "tapId"), "Your coupon",
                coupon.reason() + ": show this code at the till.", null, null, null, List.of(), null, coupon);
    }

    /**
     * The hub's answer: a member view (with what the shopper may act on: coupons to print, offers to dismiss, consents and
     * preferences), an anonymous welcome with an invitation to join, or a refusal of a credential that failed its check.
     */
    public static ScreenState answer(ScreenUpdate update) {
        List<OfferView> offers = update.offers().stream().map(OfferView::of).toList();
        return switch (update.kind()) {
            case MEMBER -> {
                MemberProgress member = update.member();
                yield new ScreenState(MEMBER, update.tapId(), update.greeting(), member.rank(), member.tier(),
                        member.points(), member.next(), offers, update.joinUrl(), null, MemberView.of(update));
            }
            case UNVERIFIED -> simple(REFUSED, update.tapId(), update.greeting(), "If it happens again, please ask a"
                    + " member of staff.");
            case WELCOME, CLEAR -> new ScreenState(WELCOME, update.tapId(), update.greeting(), "Join our club: points,"
                    + " badges and offers picked for you.", null, null, null, offers, update.joinUrl());
        };
    }

    private static ScreenState simple(String state, String tapId, String greeting, String message) {
        return new ScreenState(state, tapId, greeting, message, null, null, null, List.of(), null);
    }

    /** One offer card; {@code printable}: the shopper holds a coupon for it (a "Print coupon" button). */
    public record OfferView(String id, String title, String detail, String category, boolean printable) {
        public OfferView(String id, String title, String detail) {
            this(id, title, detail, "", false);
        }

        static OfferView of(Offer offer) {
            return new OfferView(offer.id(), offer.title(), offer.detail(), offer.category(), offer.printable());
        }
    }
}
