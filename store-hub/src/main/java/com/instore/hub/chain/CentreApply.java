package com.instore.hub.chain;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import com.instore.hub.members.Tier;
import com.instore.hub.taps.TapDaily;
import com.instore.protocol.MessageCodec;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;

/**
 * Applies a store's batch at the centre in one transaction, idempotently: a tap already there (by tap id) changes
 * nothing, so a batch shipped again after a lost acknowledgement counts nothing twice. A new tap adds its row, its points
 * ledger entry (the member's balance and visit count grow by it: entries from partitioned stores sum), its coupons and its
 * daily figures. A member is inserted once; later its consents move only forward in time (last writer wins). An erasure
 * wins over everything: an erased member is never inserted again and its taps arrive anonymous. Every member, credential
 * or erasure changed gets the next centre version (the change feed stores pull). Blocking; thread-safe.
 */
final class CentreApply {
    private static final String MEMBER = """
            INSERT INTO members (member_id, first_name, tier, points, visits, consent_recognition, consent_personalised,
            consent_name_on_coupons, created_at_ms, consents_changed_ms, chain_version)
            VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (member_id) DO UPDATE SET consent_recognition = excluded.consent_recognition,
            consent_personalised = excluded.consent_personalised, consent_name_on_coupons = excluded.consent_name_on_coupons,
            consents_changed_ms = excluded.consents_changed_ms, chain_version = excluded.chain_version
            WHERE COALESCE(members.consents_changed_ms, 0) < COALESCE(excluded.consents_changed_ms, 0)""";
    private static final String CREDENTIAL = """
            INSERT INTO member_credentials (credential_type, credential_hash, member_id, public_key, last_counter,
            linked_at_ms, chain_shipped, chain_version) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)
            ON CONFLICT (credential_type, credential_hash) DO UPDATE SET member_id = excluded.member_id,
            public_key = excluded.public_key, last_counter = excluded.last_counter, linked_at_ms = excluded.linked_at_ms,
            chain_version = excluded.chain_version
            WHERE member_credentials.member_id <> excluded.member_id""";
    private static final String TAP = """
            INSERT INTO taps (tap_id, store_id, kiosk_id, tapped_at_ms, received_at_ms, credential_type, member_id, tier,
            offer_count, answer_json, latency_us, chain_shipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)
            ON CONFLICT (tap_id) DO NOTHING""";
    private static final String VISIT = """
            INSERT INTO visits (tap_id, member_id, store_id, visited_ms, points, credential_type) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (tap_id) DO NOTHING""";
    private static final String BALANCE = """
            UPDATE members SET points = points + ?, visits = visits + 1, last_visit_ms = ?, chain_version = ?
            WHERE member_id = ?""";
    private static final String STORE_VISIT = """
            INSERT INTO store_visits (member_id, store_id, visits, last_visit_ms) VALUES (?, ?, 1, ?)
            ON CONFLICT (member_id, store_id) DO UPDATE SET visits = store_visits.visits + 1,
            last_visit_ms = excluded.last_visit_ms""";
    private static final String COUPON = """
            INSERT INTO coupons (code, offer_id, member_id, segment, ranked, store_id, kiosk_id, tap_id, issued_ms, expires_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""";

    private static final String REDEEM = """
            UPDATE coupons SET redeemed_ms = ?, redeemed_store = ?, redeemed_till = ?, redeem_request = ?
            WHERE code = ? AND redeemed_ms IS NULL""";

    private final ZoneId zone;
    private final CentreErasure erasure;

    /**
     * @param zone  the chain's time zone, for the day of the daily figures
     * @param codec for the anonymous answers an erasure leaves on the member's taps
     */
    CentreApply(ZoneId zone, MessageCodec codec) {
        this.zone = zone;
        this.erasure = new CentreErasure(codec);
    }

    /** What a batch changed at the centre: taps new to it (the others were already there). */
    record Applied(int newTaps, int knownTaps) {
    }

    Applied apply(Database centre, Facts facts) throws SQLException {
        return centre.inTransaction(c -> apply(c, facts));
    }

    Applied apply(Connection c, Facts facts) throws SQLException {
        long version = nextVersion(c);
        for (String erased : facts.erasures()) {
            erasure.erase(c, erased, version, Instant.now());
        }
        for (Facts.MemberRow m : facts.members()) {
            if (!erased(c, m.memberId())) {
                Sql.update(c, MEMBER, m.memberId(), m.firstName(), m.tier(), m.points(), m.recognition(),
                        m.personalised(), m.nameOnCoupons(), m.createdMs(), m.consentsChangedMs(), version);
            }
        }
        for (Facts.CredentialRow cr : facts.credentials()) {
            if (!erased(c, cr.memberId())) {
                Sql.update(c, CREDENTIAL, cr.type(), cr.hash(), cr.memberId(), cr.publicKey(), cr.lastCounter(),
                        cr.linkedMs(), version);
            }
        }
        int added = 0;
        for (Facts.TapRow t : facts.taps()) {
            added += tap(c, t, version);
        }
        for (Facts.Redemption r : facts.redemptions()) {
            // A coupon is redeemable only at the store that issued it (stores do not pull coupons): no race to settle.
            Sql.update(c, REDEEM, r.redeemedMs(), r.store(), r.till(), r.request(), r.code());
        }
        return new Applied(added, facts.taps().size() - added);
    }

    /** The next centre version; its row lock is held to the commit, so versions commit in order. */
    static long nextVersion(Connection c) throws SQLException {
        Sql.update(c, "UPDATE chain_clock SET version = version + 1 WHERE id = 1");
        return Sql.count(c, "SELECT version FROM chain_clock WHERE id = 1");
    }

    private int tap(Connection c, Facts.TapRow t, long version) throws SQLException {
        // A member erased at the centre meanwhile: the tap stays, anonymous (as erasure leaves the centre's own taps).
        String member = t.memberId() != null && erased(c, t.memberId()) ? null : t.memberId();
        if (Sql.update(c, TAP, t.tapId(), t.storeId(), t.kioskId(), t.tappedMs(), t.receivedMs(), t.credentialType(),
                member, member == null ? null : t.tier(), t.offerCount(), t.answerJson(), t.latencyUs()) == 0) {
            return 0;
        }
        if (t.visit() != null) {
            Sql.update(c, VISIT, t.tapId(), member, t.storeId(), t.visit().visitedMs(), t.visit().points(),
                    t.visit().credentialType());
            if (member != null) {
                Sql.update(c, BALANCE, t.visit().points(), t.visit().visitedMs(), version, member);
                Sql.update(c, STORE_VISIT, member, t.storeId(), t.visit().visitedMs());
                promote(c, member, t.tier(), version);
            }
        }
        for (Facts.Coupon k : t.coupons()) {
            Sql.update(c, COUPON, k.code(), k.offerId(), member, k.segment(), k.ranked(), t.storeId(), t.kioskId(),
                    t.tapId(), k.issuedMs(), k.expiresMs());
        }
        TapDaily.add(c, t.storeId(), t.kioskId(), LocalDate.ofInstant(Instant.ofEpochMilli(t.receivedMs()), zone),
                member != null, t.visit() != null, t.offerCount());
        return 1;
    }

    /** Tiers never go down: the centre keeps the higher of its tier and the one the store reached. */
    private static void promote(Connection c, String member, String storeTier, long version) throws SQLException {
        if (storeTier == null) {
            return;
        }
        String current = Sql.one(c, "SELECT tier FROM members WHERE member_id = ?", rs -> rs.getString(1), member)
                .orElse(storeTier);
        if (Tier.parse(storeTier).compareTo(Tier.parse(current)) > 0) {
            Sql.update(c, "UPDATE members SET tier = ?, chain_version = ? WHERE member_id = ?", storeTier, version, member);
        }
    }

    private static boolean erased(Connection c, String memberId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM erased_members WHERE member_id = ?", memberId) > 0;
    }
}
