package com.instore.hub.chain;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.SQLException;
import java.util.UUID;

/** Rows in a store's database as the hub's features write them (members, card links, taps with their visit). */
final class StoreRows {
    final Database db;
    final String storeId;

    StoreRows(Database db, String storeId) {
        this.db = db;
        this.storeId = storeId;
    }

    void member(String id, long seedPoints, long consentsMs) throws SQLException {
        db.inTransaction(c -> Sql.update(c, """
                INSERT INTO members (member_id, first_name, tier, points, consent_recognition, consent_personalised,
                consent_name_on_coupons, created_at_ms, consents_changed_ms) VALUES (?, ?, 'BRONZE', ?, TRUE, FALSE,
                FALSE, ?, ?)""", id, "Name of " + id, seedPoints, consentsMs, consentsMs));
    }

    void card(String hash, String memberId) throws SQLException {
        db.inTransaction(c -> Sql.update(c, "INSERT INTO member_credentials (credential_type, credential_hash, member_id)"
                + " VALUES ('CARD_UID', ?, ?)", hash, memberId));
    }

    void consents(String memberId, boolean personalised, long atMs) throws SQLException {
        db.inTransaction(c -> Sql.update(c, "UPDATE members SET consent_personalised = ?, consents_changed_ms = ? "
                + "WHERE member_id = ?", personalised, atMs, memberId));
    }

    /** A member's tap that earned {@code points}, as the tap pipeline commits it; returns the tap id. */
    String tap(String memberId, long points) throws SQLException {
        String tapId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        db.inTransaction(c -> {
            Sql.update(c, """
                    INSERT INTO taps (tap_id, store_id, kiosk_id, tapped_at_ms, received_at_ms, credential_type, member_id,
                    tier, offer_count, answer_json) VALUES (?, ?, 'k1', ?, ?, 'CARD_UID', ?, 'BRONZE', 1, '{}')""",
                    tapId, storeId, now, now, memberId);
            Sql.update(c, "INSERT INTO visits (tap_id, member_id, store_id, visited_ms, points, credential_type) "
                    + "VALUES (?, ?, ?, ?, ?, 'CARD_UID')", tapId, memberId, storeId, now, points);
            Sql.update(c, "UPDATE members SET points = points + ?, visits = visits + 1 WHERE member_id = ?", points,
                    memberId);
            return Sql.update(c, """
                    INSERT INTO coupons (code, offer_id, member_id, segment, ranked, store_id, kiosk_id, tap_id, issued_ms,
                    expires_ms) VALUES (?, 'coffee', ?, 'REGULAR', FALSE, ?, 'k1', ?, ?, ?)""",
                    tapId.substring(0, 12), memberId, storeId, tapId, now, now + 86_400_000L);
        });
        return tapId;
    }

    long points(String memberId) throws SQLException {
        return count("SELECT points FROM members WHERE member_id = '" + memberId + "'");
    }

    long count(String sql) throws SQLException {
        return db.withConnection(c -> Sql.count(c, sql));
    }

    /** What the members feature's erasure does to these rows (the chain link calls the real one in the hub). */
    void erase(String memberId) throws SQLException {
        db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM members WHERE member_id = ?", memberId) == 0) {
                return 0;
            }
            Sql.update(c, "DELETE FROM member_credentials WHERE member_id = ?", memberId);
            Sql.update(c, "UPDATE visits SET member_id = NULL WHERE member_id = ?", memberId);
            Sql.update(c, "UPDATE coupons SET member_id = NULL WHERE member_id = ?", memberId);
            Sql.update(c, "UPDATE taps SET member_id = NULL, tier = NULL WHERE member_id = ?", memberId);
            Sql.update(c, "DELETE FROM members WHERE member_id = ?", memberId);
            return Sql.update(c, "INSERT INTO erased_members (member_id, erased_ms) VALUES (?, 1)", memberId);
        });
    }
}
