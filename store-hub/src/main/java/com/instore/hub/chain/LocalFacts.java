package com.instore.hub.chain;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store side of the upward flow (taps are read first, then credentials, members, erasures: whatever a row read names
 * was committed before the read of its kind, so it travels in the same batch when the centre lacks it): what the centre has not got yet (the outbox: taps, credentials and erasures with
 * {@code chain_shipped} NULL, members whose consents changed after {@code chain_synced_ms}, redeemed coupons with
 * {@code chain_redeemed_shipped} NULL), and marking rows once the centre committed them. Blocking; called by the sync
 * thread only.
 */
final class LocalFacts {
    /** Same text as the partial index members_chain_unshipped (V53), so that SQLite uses it. */
    static final String UNSHIPPED_MEMBER = "COALESCE(consents_changed_ms, 0) > COALESCE(chain_synced_ms, -1)";
    private static final String TAPS = """
            SELECT t.tap_id, t.store_id, t.kiosk_id, t.tapped_at_ms, t.received_at_ms, t.credential_type, t.member_id,
            t.tier, t.offer_count, t.answer_json, t.latency_us, v.visited_ms, v.points, v.credential_type AS visit_type
            FROM taps t LEFT JOIN visits v ON v.tap_id = t.tap_id
            WHERE t.chain_shipped IS NULL ORDER BY t.received_at_ms, t.tap_id LIMIT ?""";
    private static final String COUPONS = """
            SELECT code, offer_id, segment, ranked, issued_ms, expires_ms FROM coupons WHERE tap_id = ? ORDER BY code""";
    private static final String MEMBERS = """
            SELECT m.member_id, m.first_name, m.tier, m.points - COALESCE((SELECT SUM(v.points) FROM visits v
            WHERE v.member_id = m.member_id), 0), m.visits, m.consent_recognition, m.consent_personalised,
            m.consent_name_on_coupons, m.created_at_ms, m.consents_changed_ms FROM members m WHERE\s""" + UNSHIPPED_MEMBER
            + " ORDER BY m.member_id LIMIT ?";
    private static final String CREDENTIALS = """
            SELECT credential_type, credential_hash, member_id, public_key, last_counter, linked_at_ms
            FROM member_credentials WHERE chain_shipped IS NULL ORDER BY member_id, credential_hash LIMIT ?""";
    private static final String UNSHIPPED_REDEMPTION = "redeemed_ms IS NOT NULL AND chain_redeemed_shipped IS NULL";
    /** Only redemptions of coupons whose taps the centre has: the others wait for their tap's batch. */
    private static final String REDEMPTIONS = "SELECT code, redeemed_ms, redeemed_store, redeemed_till, redeem_request "
            + "FROM coupons WHERE " + UNSHIPPED_REDEMPTION + " AND NOT EXISTS (SELECT 1 FROM taps t "
            + "WHERE t.tap_id = coupons.tap_id AND t.chain_shipped IS NULL) ORDER BY code LIMIT ?";

    private final Database db;

    LocalFacts(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} taps plus the members and credentials not shipped yet (each list capped at {@code limit}). */
    Facts unshipped(int limit) throws SQLException {
        return db.withConnection(c -> {
            List<Facts.TapRow> taps = Sql.list(c, TAPS, LocalFacts::tap, limit);
            List<Facts.TapRow> withCoupons = new ArrayList<>(taps.size());
            for (Facts.TapRow t : taps) {
                withCoupons.add(new Facts.TapRow(t.tapId(), t.storeId(), t.kioskId(), t.tappedMs(), t.receivedMs(),
                        t.credentialType(), t.memberId(), t.tier(), t.offerCount(), t.answerJson(), t.latencyUs(),
                        t.visit(), Sql.list(c, COUPONS, LocalFacts::coupon, t.tapId())));
            }
            // Read after what may depend on them: a credential's member, an erasure after the member read.
            List<Facts.CredentialRow> credentials = Sql.list(c, CREDENTIALS, LocalFacts::credential, limit);
            List<Facts.MemberRow> members = Sql.list(c, MEMBERS, LocalFacts::member, limit);
            List<String> erasures = Sql.list(c, "SELECT member_id FROM erased_members WHERE chain_shipped IS NULL "
                    + "ORDER BY member_id LIMIT ?", rs -> rs.getString(1), limit);
            return new Facts(erasures, members, credentials, withCoupons,
                    Sql.list(c, REDEMPTIONS, rs -> new Facts.Redemption(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)), limit));
        });
    }

    /** Marks what the centre committed; a member only up to the consents it shipped (a later change stays unshipped). */
    void shipped(Facts facts) throws SQLException {
        db.inTransaction(c -> {
            for (String erased : facts.erasures()) {
                Sql.update(c, "UPDATE erased_members SET chain_shipped = TRUE WHERE member_id = ?", erased);
            }
            for (Facts.Redemption r : facts.redemptions()) {
                Sql.update(c, "UPDATE coupons SET chain_redeemed_shipped = TRUE WHERE code = ?", r.code());
            }
            for (Facts.MemberRow m : facts.members()) {
                Sql.update(c, "UPDATE members SET chain_synced_ms = ? WHERE member_id = ?",
                        m.consentsChangedMs() == null ? 0L : m.consentsChangedMs(), m.memberId());
            }
            for (Facts.CredentialRow cr : facts.credentials()) {
                Sql.update(c, "UPDATE member_credentials SET chain_shipped = TRUE WHERE credential_type = ? AND "
                        + "credential_hash = ?", cr.type(), cr.hash());
            }
            for (Facts.TapRow t : facts.taps()) {
                Sql.update(c, "UPDATE taps SET chain_shipped = TRUE WHERE tap_id = ?", t.tapId());
            }
            return null;
        });
    }

    /** How many rows wait for the centre. */
    long depth() throws SQLException {
        return db.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM taps WHERE chain_shipped IS NULL")
                + Sql.count(c, "SELECT COUNT(*) FROM member_credentials WHERE chain_shipped IS NULL")
                + Sql.count(c, "SELECT COUNT(*) FROM members WHERE " + UNSHIPPED_MEMBER)
                + Sql.count(c, "SELECT COUNT(*) FROM erased_members WHERE chain_shipped IS NULL")
                + Sql.count(c, "SELECT COUNT(*) FROM coupons WHERE " + UNSHIPPED_REDEMPTION));
    }

    private static Facts.TapRow tap(ResultSet rs) throws SQLException {
        Long visitedMs = Sql.nullableLong(rs, "visited_ms");
        Facts.Visit visit = visitedMs == null ? null
                : new Facts.Visit(visitedMs, rs.getLong("points"), rs.getString("visit_type"));
        return new Facts.TapRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                Sql.nullableLong(rs, "latency_us"), visit, List.of());
    }

    private static Facts.Coupon coupon(ResultSet rs) throws SQLException {
        return new Facts.Coupon(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5),
                rs.getLong(6));
    }

    static Facts.MemberRow member(ResultSet rs) throws SQLException {
        return new Facts.MemberRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), Sql.nullableLong(rs, "created_at_ms"),
                Sql.nullableLong(rs, "consents_changed_ms"), 0);
    }

    static Facts.CredentialRow credential(ResultSet rs) throws SQLException {
        return new Facts.CredentialRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Sql.nullableLong(rs, "last_counter"), Sql.nullableLong(rs, "linked_at_ms"), 0);
    }
}
