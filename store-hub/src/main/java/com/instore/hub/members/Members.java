package com.instore.hub.members;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import com.instore.hub.identity.CardUidHmac;
import com.instore.hub.identity.CredentialKey;
import com.instore.protocol.Consents;
import com.instore.protocol.Credential;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Members: the demo list, creation from the join page, consents and preferences. Only keyed hashes of credentials are
 * stored. Thread-safe; every method blocks on the database (the ones taking a connection run in the caller's transaction).
 */
public final class Members {
    private static final String COLUMNS = """
            member_id, first_name, tier, points, consent_recognition, consent_personalised, consent_name_on_coupons""";
    private static final String INSERT = "INSERT INTO members (" + COLUMNS + ", created_at_ms, consents_changed_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DEMO_UPSERT = INSERT + " ON CONFLICT (member_id) DO UPDATE SET first_name = excluded.first_name";
    private static final String LINK_CARD = """
            INSERT INTO member_credentials (credential_type, credential_hash, member_id) VALUES (?, ?, ?)
            ON CONFLICT (credential_type, credential_hash) DO UPDATE SET member_id = excluded.member_id""";
    private static final String FIND_BY_CREDENTIAL = "SELECT m." + COLUMNS.replace(", ", ", m.") + """
             FROM member_credentials c JOIN members m ON m.member_id = c.member_id
            WHERE c.credential_type = ? AND c.credential_hash = ?""";
    private static final String SET_CONSENTS = """
            UPDATE members SET consent_recognition = ?, consent_personalised = ?, consent_name_on_coupons = ?,
            consents_changed_ms = ? WHERE member_id = ?""";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final CardUidHmac cardUids;

    /** @param storeSecret the store's HMAC key for card UIDs */
    public Members(Database db, String storeSecret) {
        this.db = db;
        this.cardUids = new CardUidHmac(storeSecret);
    }

    /**
     * Loads the demo CSV {@code file} in one transaction; returns how many rows. New members are inserted with the file's
     * points, tier, consents and preferences; a member already known keeps what it has (points earned, consents changed
     * on a kiosk) except its first name; an erased member is not brought back.
     */
    public int load(Path file) throws IOException, SQLException {
        List<MembersCsv.Row> rows = MembersCsv.read(file);
        return db.inTransaction(c -> {
            for (MembersCsv.Row row : rows) {
                if (Sql.count(c, "SELECT COUNT(*) FROM erased_members WHERE member_id = ?", row.member().memberId()) == 0) {
                    upsert(c, row);
                }
            }
            return rows.size();
        });
    }

    private void upsert(Connection c, MembersCsv.Row row) throws SQLException {
        Member m = row.member();
        boolean isNew = byId(c, m.memberId()).isEmpty();
        Instant now = Instant.now();
        Sql.update(c, DEMO_UPSERT, m.memberId(), m.firstName(), m.tier().name(), m.points(), m.consents().recognition(),
                m.consents().personalised(), m.consents().nameOnCoupons(), now, now);
        if (isNew) {
            setPreferences(c, m.memberId(), row.preferences());
        }
        Optional<String> hash = cardUids.hash(row.cardUid());
        if (hash.isPresent()) {
            Sql.update(c, LINK_CARD, CredentialKey.Kind.CARD_UID, hash.get(), m.memberId());
        }
    }

    /** The holder of a card UID, on the caller's connection; empty for other credentials or unknown cards. */
    public Optional<Member> recognise(Connection c, Credential credential) throws SQLException {
        if (credential.type() != Credential.Type.CARD_UID) {
            return Optional.empty();
        }
        Optional<String> hash = cardUids.hash(credential.value());
        return hash.isEmpty() ? Optional.empty()
                : Sql.one(c, FIND_BY_CREDENTIAL, Members::member, CredentialKey.Kind.CARD_UID, hash.get());
    }

    /** A member by id, empty when unknown. */
    public Optional<Member> byId(String memberId) throws SQLException {
        return db.withConnection(c -> byId(c, memberId));
    }

    public Optional<Member> byId(Connection c, String memberId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM members WHERE member_id = ?", Members::member, memberId);
    }

    /** Whether the member exists. */
    public static boolean exists(Connection c, String memberId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM members WHERE member_id = ?", memberId) == 1;
    }

    /** Creates a member (join page): Bronze, no points, with the consents and preferences the shopper chose. */
    public Member create(Connection c, String firstName, Consents consents, List<String> preferences, Instant now)
            throws SQLException {
        String id = "m-" + HexFormat.of().formatHex(randomBytes());
        Member member = new Member(id, firstName.strip(), Tier.BRONZE, 0, consents);
        Sql.update(c, INSERT, id, member.firstName(), Tier.BRONZE.name(), 0L, consents.recognition(),
                consents.personalised(), consents.nameOnCoupons(), now, now);
        setPreferences(c, id, preferences);
        return member;
    }

    /** Records new consents; false when the member is unknown. */
    public boolean setConsents(Connection c, String memberId, Consents consents, Instant now) throws SQLException {
        return Sql.update(c, SET_CONSENTS, consents.recognition(), consents.personalised(), consents.nameOnCoupons(),
                now, memberId) == 1;
    }

    /** Replaces the member's preferred offer categories. */
    public void setPreferences(Connection c, String memberId, List<String> categories) throws SQLException {
        Sql.update(c, "DELETE FROM member_preferences WHERE member_id = ?", memberId);
        for (String category : categories.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList()) {
            Sql.update(c, "INSERT INTO member_preferences (member_id, category) VALUES (?, ?)", memberId, category);
        }
    }

    /** The member's preferred offer categories, sorted. */
    public List<String> preferences(Connection c, String memberId) throws SQLException {
        return Sql.list(c, "SELECT category FROM member_preferences WHERE member_id = ? ORDER BY category",
                rs -> rs.getString(1), memberId);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getString(1), rs.getString(2), Tier.parse(rs.getString(3)), rs.getLong(4),
                new Consents(rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)));
    }
}
