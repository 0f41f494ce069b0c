package com.instore.hub.identity;

import com.instore.hub.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code member_credentials} table: which member holds a credential, a phone's key, the last counter. Blocking. */
final class CredentialTable {
    private static final String FIND = """
            SELECT member_id, public_key, last_counter FROM member_credentials
            WHERE credential_type = ? AND credential_hash = ?""";
    private static final String ADVANCE = """
            UPDATE member_credentials SET last_counter = ?
            WHERE credential_type = ? AND credential_hash = ? AND (last_counter IS NULL OR last_counter < ?)""";
    private static final String LINK = """
            INSERT INTO member_credentials (credential_type, credential_hash, member_id, public_key, last_counter,
            linked_at_ms) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String OF_MEMBER = """
            SELECT credential_type, credential_hash, linked_at_ms, last_counter FROM member_credentials
            WHERE member_id = ? ORDER BY credential_type, credential_hash""";

    /** A linked credential's stored state. */
    record Linked(String memberId, String publicKey, Long lastCounter) {
    }

    Optional<Linked> find(Connection c, CredentialKey key) throws SQLException {
        return Sql.one(c, FIND, rs -> new Linked(rs.getString(1), rs.getString(2), Sql.nullableLong(rs, 3)),
                key.type(), key.hash());
    }

    /** Accepts {@code counter} only when it is above the last accepted one, atomically; false means a replay. */
    boolean advance(Connection c, CredentialKey key, long counter) throws SQLException {
        return Sql.update(c, ADVANCE, counter, key.type(), key.hash(), counter) == 1;
    }

    /**
     * Links a credential to a member.
     *
     * @throws IllegalStateException when another member holds it (a credential belongs to one member)
     */
    void link(Connection c, String memberId, CredentialKey key, String publicKey, Long counter, Instant now)
            throws SQLException {
        Optional<Linked> existing = find(c, key);
        if (existing.isPresent()) {
            if (!existing.get().memberId().equals(memberId)) {
                throw new IllegalStateException("this credential already belongs to another member");
            }
            return;
        }
        Sql.update(c, LINK, key.type(), key.hash(), memberId, publicKey, counter, now);
    }

    List<LinkedCredential> of(Connection c, String memberId) throws SQLException {
        return Sql.list(c, OF_MEMBER, rs -> new LinkedCredential(rs.getString(1), rs.getString(2),
                Sql.instant(rs, "linked_at_ms"), Sql.nullableLong(rs, "last_counter")), memberId);
    }

    int unlinkAll(Connection c, String memberId) throws SQLException {
        return Sql.update(c, "DELETE FROM member_credentials WHERE member_id = ?", memberId);
    }
}
