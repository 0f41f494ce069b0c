package com.instore.hub.members;

import com.instore.hub.coupons.CouponStatus;
import com.instore.hub.coupons.Coupons;
import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import com.instore.hub.identity.Identity;
import com.instore.hub.identity.LinkedCredential;
import com.instore.protocol.Consents;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything held on a member, for {@code GET /api/members/{id}/export} and the shopper's own download: profile, consents,
 * preferences, credentials (in their stored form: keyed hashes and random ids, never a clear UID, which is not kept),
 * loyalty (points, tier, visits, badges, per-store and per-month counts), coupons, and their tap events. Blocking.
 */
public final class MemberRecords {
    private final Database db;
    private final Members members;
    private final Identity identity;
    private final Coupons coupons;

    public MemberRecords(Database db, Members members, Identity identity, Coupons coupons) {
        this.db = db;
        this.members = members;
        this.identity = identity;
        this.coupons = coupons;
    }

    /** The export document. Field names are the contract of the export. */
    public record Export(String memberId, String firstName, Instant createdAt, Consents consents, Instant consentsChangedAt,
                         List<String> preferences, List<LinkedCredential> credentials, Map<String, Object> loyalty,
                         List<Map<String, Object>> badges, List<Map<String, Object>> storeVisits,
                         List<Map<String, Object>> monthlyVisits, List<Map<String, Object>> visits,
                         List<CouponStatus> coupons, List<Map<String, Object>> taps, Instant exportedAt) {
    }

    /** The member's data, empty when there is no such member. */
    public Optional<Export> export(String memberId, Instant now) throws SQLException {
        return db.withConnection(c -> members.byId(c, memberId).isEmpty() ? Optional.empty()
                : Optional.of(export(c, memberId, now)));
    }

    private Export export(Connection c, String id, Instant now) throws SQLException {
        Map<String, Object> profile = rows(c, """
                SELECT first_name, created_at_ms, consents_changed_ms, consent_recognition, consent_personalised,
                consent_name_on_coupons, points, tier, visits, first_visit_ms, last_visit_ms, streak_weeks
                FROM members WHERE member_id = ?""", id).getFirst();
        Consents consents = new Consents(bool(profile, "consent_recognition"), bool(profile, "consent_personalised"),
                bool(profile, "consent_name_on_coupons"));
        Map<String, Object> loyalty = new LinkedHashMap<>();
        for (String k : List.of("points", "tier", "visits", "first_visit_ms", "last_visit_ms", "streak_weeks")) {
            loyalty.put(k, profile.get(k));
        }
        return new Export(id, (String) profile.get("first_name"), instant(profile.get("created_at_ms")), consents,
                instant(profile.get("consents_changed_ms")), members.preferences(c, id), identity.credentialsOf(c, id),
                loyalty, rows(c, "SELECT badge, earned_ms FROM member_badges WHERE member_id = ? ORDER BY earned_ms", id),
                rows(c, "SELECT store_id, visits, last_visit_ms FROM store_visits WHERE member_id = ?", id),
                rows(c, "SELECT store_id, month, visits FROM monthly_visits WHERE member_id = ? ORDER BY month", id),
                rows(c, "SELECT tap_id, store_id, visited_ms, points, credential_type FROM visits WHERE member_id = ?"
                        + " ORDER BY visited_ms", id),
                coupons.ofMember(c, id),
                rows(c, """
                        SELECT tap_id, store_id, kiosk_id, tapped_at_ms, received_at_ms, credential_type, tier, offer_count
                        FROM taps WHERE member_id = ? ORDER BY received_at_ms""", id),
                now);
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, String id) throws SQLException {
        return Sql.list(c, sql, MemberRecords::row, id);
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            String name = rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
            Object value = rs.getObject(i);
            row.put(name, name.endsWith("_ms") && value instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : value);
        }
        return row;
    }

    private static boolean bool(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : null;
    }
}
