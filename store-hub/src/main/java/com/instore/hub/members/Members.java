package com.instore.hub.members;

import com.instore.hub.db.Database;
import com.instore.protocol.Credential;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Members and their credentials: loading the demo list, and recognising a tapped credential. Only keyed hashes of
 * credentials are stored. Thread-safe; every method blocks on the database.
 */
public final class Members {
    private static final String UPSERT_MEMBER = """
            INSERT INTO members (member_id, first_name, tier, points) VALUES (?, ?, ?, ?)
            ON CONFLICT (member_id) DO UPDATE SET first_name = excluded.first_name, tier = excluded.tier,
            points = excluded.points""";
    private static final String UPSERT_CREDENTIAL = """
            INSERT INTO member_credentials (credential_type, credential_hash, member_id) VALUES (?, ?, ?)
            ON CONFLICT (credential_type, credential_hash) DO UPDATE SET member_id = excluded.member_id""";
    private static final String FIND = """
            SELECT m.member_id, m.first_name, m.tier, m.points FROM member_credentials c
            JOIN members m ON m.member_id = c.member_id WHERE c.credential_type = ? AND c.credential_hash = ?""";

    private final Database db;
    private final CardUidHmac cardUids;

    /** @param storeSecret the store's HMAC key for card UIDs */
    public Members(Database db, String storeSecret) {
        this.db = db;
        this.cardUids = new CardUidHmac(storeSecret);
    }

    /** Upserts every member of the CSV {@code file} in one transaction; returns how many. */
    public int load(Path file) throws IOException, SQLException {
        List<MembersCsv.Row> rows = MembersCsv.read(file);
        return db.inTransaction(c -> {
            for (MembersCsv.Row row : rows) {
                upsert(c, row);
            }
            return rows.size();
        });
    }

    private void upsert(Connection c, MembersCsv.Row row) throws SQLException {
        Member m = row.member();
        try (PreparedStatement ps = c.prepareStatement(UPSERT_MEMBER)) {
            ps.setString(1, m.memberId());
            ps.setString(2, m.firstName());
            ps.setString(3, m.tier().name());
            ps.setLong(4, m.points());
            ps.executeUpdate();
        }
        Optional<String> hash = cardUids.hash(row.cardUid());
        if (hash.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_CREDENTIAL)) {
                ps.setString(1, Credential.Type.CARD_UID.name());
                ps.setString(2, hash.get());
                ps.setString(3, m.memberId());
                ps.executeUpdate();
            }
        }
    }

    /** The member a credential belongs to, on the caller's connection (part of its transaction); empty when unknown. */
    public Optional<Member> recognise(Connection c, Credential credential) throws SQLException {
        if (credential.type() != Credential.Type.CARD_UID) {
            return Optional.empty(); // NDEF, PHONE and SUN need signature checks: a later issue.
        }
        Optional<String> hash = cardUids.hash(credential.value());
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, credential.type().name());
            ps.setString(2, hash.get());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Member(rs.getString(1), rs.getString(2), Tier.parse(rs.getString(3)), rs.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    /** A member by id, empty when unknown. */
    public Optional<Member> byId(String memberId) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT member_id, first_name, tier, points FROM members WHERE member_id = ?")) {
                ps.setString(1, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Member(rs.getString(1), rs.getString(2),
                            Tier.parse(rs.getString(3)), rs.getLong(4))) : Optional.empty();
                }
            }
        });
    }
}
