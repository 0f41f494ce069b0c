package com.instore.hub.taps;

import com.instore.hub.identity.CredentialKey;
import com.instore.hub.identity.Resolution;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.loyalty.Loyalty;
import com.instore.hub.members.Member;
import com.instore.hub.offers.Audience;
import com.instore.hub.offers.ShownOffer;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MemberChoices;
import com.instore.protocol.Offer;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a first-seen tap does (DESIGN.md section 6): resolve the credential; for a member, record the visit (points only for
 * verified presence), pick offers with coupons, and greet them (by name only with consent); for an unknown credential, a
 * welcome with a join link and generic offers; for a credential that failed its check, a refusal. Blocking, on the tap's
 * transaction.
 */
final class TapDecider {
    static final String WELCOME = "Welcome! Join the club to collect points and unlock offers.";
    static final String UNVERIFIED = "Sorry, we could not verify this card or phone. Please try again.";

    private final TapServices services;
    private final Fleet fleet;
    private final Clock clock;

    TapDecider(TapServices services, Fleet fleet, Clock clock) {
        this.services = services;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** The decision for one tap: the answer, the member it was for and whether the tap proved presence. */
    record Decision(ScreenUpdate answer, Optional<String> memberId, String tier, boolean verified) {
    }

    Decision decide(Connection c, KioskAddress kiosk, TapEvent tap, Instant receivedAt) throws SQLException {
        Instant at = tap.at().isAfter(receivedAt) ? receivedAt : tap.at(); // a kiosk clock ahead never dates a visit ahead
        Resolution who = services.identity().resolve(c, kiosk, tap);
        return switch (who.status()) {
            case KNOWN -> member(c, kiosk, tap, who, at);
            case UNKNOWN -> welcome(c, kiosk, tap, who, at);
            case REJECTED -> new Decision(update(tap, ScreenUpdate.Kind.UNVERIFIED, UNVERIFIED, null, List.of(), null, null),
                    Optional.empty(), null, false);
        };
    }

    private Decision member(Connection c, KioskAddress kiosk, TapEvent tap, Resolution who, Instant at)
            throws SQLException {
        String id = who.memberId().orElseThrow();
        Member m = services.members().byId(c, id).orElseThrow();
        Loyalty.Outcome visit = services.loyalty().visit(c, id, kiosk.storeId(), tap.id(), who.key().type(),
                proves(who), at);
        List<String> preferences = services.members().preferences(c, id);
        Audience audience = new Audience(Optional.of(id), Optional.of(visit.tier()), visit.segment(), visit.visits(),
                m.consents().personalised(), preferences, fleet.zone(kiosk.kioskId()), kiosk.kioskId(), local(at));
        List<ShownOffer> shown = services.offers().pick(c, audience, kiosk, tap.id(), at);
        String manage = services.invites().manage(c, kiosk, tap.id(), id, at);
        MemberChoices choices = new MemberChoices(m.consents(), preferences, services.offers().categories());
        ScreenUpdate answer = update(tap, ScreenUpdate.Kind.MEMBER, m.greeting(), visit.progress(), offers(shown), manage,
                choices);
        return new Decision(answer, Optional.of(id), visit.tier().name(), who.verified());
    }

    /** Verified presence earns points; a bare card UID only where the store allows it, and never when it looks cloned. */
    private boolean proves(Resolution who) {
        boolean card = CredentialKey.Kind.CARD_UID.equals(who.key().type());
        return who.verified() || card && services.loyalty().config().cardUidEarnsPoints() && !who.cloneSuspected();
    }

    private Decision welcome(Connection c, KioskAddress kiosk, TapEvent tap, Resolution who, Instant at)
            throws SQLException {
        Audience audience = Audience.anonymous(fleet.zone(kiosk.kioskId()), kiosk.kioskId(), local(at));
        List<ShownOffer> shown = services.offers().pick(c, audience, kiosk, tap.id(), at);
        String join = services.invites().invite(c, kiosk, tap.id(), who.key(), who.counter(), at);
        return new Decision(update(tap, ScreenUpdate.Kind.WELCOME, WELCOME, null, offers(shown), join, null),
                Optional.empty(), null, who.verified());
    }

    private LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, services.loyalty().config().zone());
    }

    private static List<Offer> offers(List<ShownOffer> shown) {
        return shown.stream().map(ShownOffer::offer).toList();
    }

    private ScreenUpdate update(TapEvent tap, ScreenUpdate.Kind kind, String greeting,
                                com.instore.protocol.MemberProgress progress, List<Offer> shown, String link,
                                MemberChoices choices) {
        return new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), tap.kioskId(),
                tap.id(), kind, greeting, progress, shown, link, choices, null);
    }
}
