package com.instore.hub.actions;

import com.instore.hub.coupons.Coupon;
import com.instore.hub.coupons.Coupons;
import com.instore.hub.members.Member;
import com.instore.hub.members.Members;
import com.instore.hub.offers.OfferSpec;
import com.instore.hub.offers.Offers;
import com.instore.protocol.CouponView;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MemberChoices;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.PrintJob;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.ShopperAction;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What each shopper action does to a member's tap, on the action's transaction: print a coupon (a print job, and the code
 * and QR code on the screen as a fallback), dismiss an offer, change consents or preferences (the screen is redrawn at once:
 * without consent to recognition, no name). Blocking.
 */
final class ActionApplier {
    private final Members members;
    private final Offers offers;
    private final MessageCodec codec;
    private final String storeName;
    private final String publicUrl;
    private final ZoneId zone;

    ActionApplier(Members members, Offers offers, MessageCodec codec, String storeName, String publicUrl, ZoneId zone) {
        this.members = members;
        this.offers = offers;
        this.codec = codec;
        this.storeName = storeName;
        this.publicUrl = publicUrl;
        this.zone = zone;
    }

    Effects apply(Connection c, ShopperAction action, ActionTaps.TapRef tap, Member member, Instant now)
            throws SQLException {
        Coupons coupons = offers.coupons();
        return switch (action.type()) {
            case PRINT_COUPON -> {
                Optional<Coupon> coupon = coupons.live(c, member.memberId(), action.offerId(), now);
                yield coupon.isEmpty() ? Effects.refused("no_coupon")
                        : print(c, coupons, action, tap, member, coupon.get(), now);
            }
            case DISMISS_OFFER -> {
                Optional<Coupon> coupon = coupons.live(c, member.memberId(), action.offerId(), now);
                if (coupon.isPresent()) {
                    coupons.dismissed(c, coupon.get().code(), now);
                }
                yield Effects.screen(redraw(c, tap, member, action.offerId(), null, now));
            }
            case SET_CONSENTS -> {
                members.setConsents(c, member.memberId(), action.consents(), now);
                Member changed = new Member(member.memberId(), member.firstName(), member.tier(), member.points(),
                        action.consents());
                yield Effects.screen(redraw(c, tap, changed, null, null, now));
            }
            case SET_PREFERENCES -> {
                List<String> known = action.preferences().stream().filter(offers.categories()::contains).toList();
                members.setPreferences(c, member.memberId(), known);
                yield Effects.screen(redraw(c, tap, member, null, null, now));
            }
        };
    }

    private Effects print(Connection c, Coupons coupons, ShopperAction action, ActionTaps.TapRef tap, Member member,
                          Coupon coupon, Instant now) throws SQLException {
        coupons.printed(c, coupon.code(), now);
        String title = offers.find(coupon.offerId()).map(OfferSpec::title).orElse(coupon.offerId());
        CouponView view = new CouponView(coupon.display(), coupon.offerId(), title, coupon.code(),
                publicUrl + "/api/coupons/" + coupon.code() + "/qr.svg", coupon.expiresAt());
        PrintJob job = new PrintJob(SchemaVersion.CURRENT, UUID.randomUUID().toString(), now, action.kioskId(),
                tap.tapId(), coupon.display(), coupon.code(), lines(member, coupon, title));
        return new Effects("done", Optional.of(redraw(c, tap, member, null, view, now)), Optional.of(job));
    }

    private List<String> lines(Member member, Coupon coupon, String title) {
        List<String> lines = new ArrayList<>(List.of(storeName, "", title));
        offers.find(coupon.offerId()).map(OfferSpec::detail).filter(d -> d != null && !d.isBlank()).ifPresent(lines::add);
        if (member.consents().namePrintable()) {
            lines.add("For " + member.firstName());
        }
        lines.add("");
        lines.add("Code " + coupon.display());
        lines.add("Valid until " + coupon.expiresAt().atZone(zone).toLocalDate());
        return lines;
    }

    /** The tap's screen again, as it is now: greeting by consent, current choices, minus a dismissed offer. */
    private ScreenUpdate redraw(Connection c, ActionTaps.TapRef tap, Member member, String dismissed, CouponView coupon,
                                Instant now) throws SQLException {
        ScreenUpdate shown = decode(tap.answerJson());
        List<String> preferences = members.preferences(c, member.memberId());
        MemberChoices choices = new MemberChoices(member.consents(), preferences, offers.categories());
        return new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), now, tap.kioskId(), tap.tapId(),
                ScreenUpdate.Kind.MEMBER, member.greeting(), shown.member(),
                shown.offers().stream().filter(o -> !o.id().equals(dismissed)).toList(), shown.joinUrl(), choices, coupon);
    }

    private ScreenUpdate decode(String json) {
        try {
            return codec.decode(json.getBytes(StandardCharsets.UTF_8), ScreenUpdate.class);
        } catch (InvalidMessageException e) {
            throw new IllegalStateException("a stored answer does not decode: " + e.getMessage(), e);
        }
    }
}
