package com.instore.agent.screen;

import com.instore.protocol.CouponView;
import com.instore.protocol.MemberChoices;
import com.instore.protocol.MemberProgress;
import com.instore.protocol.ScreenUpdate;

import java.util.List;

/**
 * The member's details on a member screen: points this tap earned, badges (those new with this tap too), what the next
 * badge needs, their standing this month, their consents and preferences (to change them on the screen), and a coupon to
 * show after "Print coupon" (code and QR code). {@code choices} and {@code coupon} may be null. Nothing here is kept
 * after the screen changes: the kiosk holds no other copy of a member's data.
 */
public record MemberView(long pointsEarned, List<String> badges, List<String> newBadges, String nextBadge, String rank,
                         MemberChoices choices, CouponView coupon) {
    public MemberView {
        badges = badges == null ? List.of() : List.copyOf(badges);
        newBadges = newBadges == null ? List.of() : List.copyOf(newBadges);
    }

    static MemberView of(ScreenUpdate update) {
        MemberProgress m = update.member();
        return new MemberView(m.pointsEarned(), m.badges(), m.newBadges(), m.nextBadge(), m.rank(), update.choices(),
                update.coupon());
    }
}
