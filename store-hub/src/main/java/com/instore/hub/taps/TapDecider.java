package com.instore.hub.taps;

import com.instore.hub.members.Member;
import com.instore.hub.members.Members;
import com.instore.hub.offers.Offers;
import com.instore.protocol.MemberProgress;
import com.instore.protocol.Offer;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the screen shows for a first-seen tap: a recognised member gets a greeting by first name, their progress and the
 * offers of their tier; anyone else a welcome, a join link and the anonymous offers. Card UIDs are weak credentials: they
 * greet but never earn points (loyalty needs verified presence), so deciding changes no member. Blocking (database).
 */
final class TapDecider {
    static final String WELCOME = "Welcome! Join the club to collect points and unlock offers.";

    private final Members members;
    private final Offers offers;
    private final String joinUrl;
    private final Clock clock;

    TapDecider(Members members, Offers offers, String publicUrl, Clock clock) {
        this.members = members;
        this.offers = offers;
        this.joinUrl = publicUrl + "/join";
        this.clock = clock;
    }

    /** The decision for one tap: the answer and who it was for. */
    record Decision(ScreenUpdate answer, Optional<Member> member) {
    }

    /** Decides on the caller's connection (part of the tap's transaction). */
    Decision decide(Connection c, TapEvent tap) throws SQLException {
        Optional<Member> member = members.recognise(c, tap.credential());
        List<Offer> shown = offers.select(member.map(Member::tier));
        ScreenUpdate answer = member
                .map(m -> update(tap, ScreenUpdate.Kind.MEMBER, "Hello " + m.firstName(),
                        new MemberProgress(m.tier().name(), m.points(), m.tier().nextStep(m.points())), shown, null))
                .orElseGet(() -> update(tap, ScreenUpdate.Kind.WELCOME, WELCOME, null, shown, joinUrl));
        return new Decision(answer, member);
    }

    private ScreenUpdate update(TapEvent tap, ScreenUpdate.Kind kind, String greeting, MemberProgress progress,
                                List<Offer> shown, String join) {
        return new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), tap.kioskId(),
                tap.id(), kind, greeting, progress, shown, join);
    }
}
