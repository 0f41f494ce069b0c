package com.instore.hub.join;

import com.instore.hub.db.Sql;
import com.instore.hub.identity.CredentialKey;
import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.KioskAddress;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The links a kiosk screen hands out as a QR code: a join link for an unknown credential (the shopper joins and the
 * credential is linked) and a manage link for a member (consents, preferences, export, erasure on their phone), each
 * valid for {@link #TTL}. A join link's token is random and only its SHA-256 is stored, with the credential it
 * would link. A manage link's token is derived from the member's tap ({@link ManageTokens}) and stores nothing: a member's
 * tap costs no row of its own here, and the tap's row says whose link it is, since when, and stops saying so when the
 * member is erased. Blocking, on the caller's connection.
 */
public final class JoinInvites {
    /** How long a link on a screen stays usable: long enough to fill in a form, short enough that a photo of it expires. */
    public static final Duration TTL = Duration.ofMinutes(15);

    private static final String INSERT = """
            INSERT INTO join_invites (token_hash, credential_type, credential_hash, last_counter, member_id, store_id,
            kiosk_id, tap_id, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String FIND = """
            SELECT credential_type, credential_hash, last_counter, member_id, tap_id, expires_ms, used_ms FROM join_invites
            WHERE token_hash = ?""";

    private static final String MANAGED = """
            SELECT member_id, received_at_ms FROM taps WHERE tap_id = ? AND member_id IS NOT NULL""";

    private final String publicUrl;
    private final ManageTokens manageTokens;

    /** @param storeSecret the key of the manage links' tokens (the store secret, as for card fingerprints) */
    public JoinInvites(String publicUrl, String storeSecret) {
        this.publicUrl = publicUrl;
        this.manageTokens = new ManageTokens(storeSecret);
    }

    /** An invitation as stored. {@code key} is null for a manage link, {@code memberId} null for a join link. */
    record Invite(CredentialKey key, Long counter, String memberId, String tapId, Instant expires, Instant used) {
        boolean usable(Instant now) {
            return used == null && now.isBefore(expires);
        }
    }

    /** A join link for an unknown (valid) credential; returns its URL. */
    public String invite(Connection c, KioskAddress kiosk, String tapId, CredentialKey key, Long counter, Instant now)
            throws SQLException {
        return create(c, kiosk, tapId, key, counter, null, now);
    }

    /**
     * A manage link for a member, shown with the tap {@code tapId} (whose row, written on the same transaction, must name
     * the member); returns its URL.
     */
    public String manage(Connection c, KioskAddress kiosk, String tapId, String memberId, Instant now) throws SQLException {
        Optional<String> token = manageTokens.of(tapId);
        return token.isPresent() ? publicUrl + "/join/" + token.get() : create(c, kiosk, tapId, null, null, memberId, now);
    }

    private String create(Connection c, KioskAddress kiosk, String tapId, CredentialKey key, Long counter, String member,
                          Instant now) throws SQLException {
        String token = SecretFile.newSecret();
        Sql.update(c, INSERT, SecretFile.sha256Hex(token), key == null ? null : key.type(), key == null ? null : key.hash(),
                counter, member, kiosk.storeId(), kiosk.kioskId(), tapId, now, now.plus(TTL));
        return publicUrl + "/join/" + token;
    }

    Optional<Invite> find(Connection c, String token) throws SQLException {
        Optional<Invite> stored = Sql.one(c, FIND, rs -> new Invite(rs.getString(1) == null ? null
                : new CredentialKey(rs.getString(1), rs.getString(2)), Sql.nullableLong(rs, 3), rs.getString(4),
                rs.getString(5), Sql.instant(rs, 6), Sql.instant(rs, 7)), SecretFile.sha256Hex(token));
        if (stored.isPresent()) {
            return stored;
        }
        Optional<String> tapId = manageTokens.tapId(token);
        return tapId.isEmpty() ? Optional.empty() : Sql.one(c, MANAGED, rs -> new Invite(null, null, rs.getString(1),
                tapId.get(), Instant.ofEpochMilli(rs.getLong(2)).plus(TTL), null), tapId.get());
    }

    void used(Connection c, String token, String memberId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE join_invites SET used_ms = ?, member_id = ? WHERE token_hash = ?", now, memberId,
                SecretFile.sha256Hex(token));
    }
}
