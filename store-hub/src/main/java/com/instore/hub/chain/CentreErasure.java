package com.instore.hub.chain;

import com.instore.hub.db.Sql;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A store's erasure, done at the centre: the same rows as {@code members.Erasure} does at a store (which needs the
 * store's identity and kiosks, absent at the centre): personal data deleted, credentials unlinked, events anonymised,
 * the member id remembered as erased with the next centre version, so every other store erases it too when it pulls.
 * Erasing an id twice changes nothing. Blocking, on the caller's transaction.
 */
final class CentreErasure {
    private static final List<String> PERSONAL = List.of("member_preferences", "member_badges", "store_visits",
            "monthly_visits", "join_invites");
    private static final String SIGHTINGS = """
            DELETE FROM credential_sightings WHERE EXISTS (SELECT 1 FROM member_credentials mc WHERE mc.member_id = ?
            AND mc.credential_type = credential_sightings.credential_type
            AND mc.credential_hash = credential_sightings.credential_hash)""";

    private final MessageCodec codec;

    CentreErasure(MessageCodec codec) {
        this.codec = codec;
    }

    /** Erases {@code memberId} at the centre unless it already was; true when it was new to the centre. */
    boolean erase(Connection c, String memberId, long version, Instant now) throws SQLException {
        if (Sql.count(c, "SELECT COUNT(*) FROM erased_members WHERE member_id = ?", memberId) > 0) {
            return false;
        }
        Sql.update(c, SIGHTINGS, memberId);
        Sql.update(c, "DELETE FROM member_credentials WHERE member_id = ?", memberId);
        for (String table : PERSONAL) {
            Sql.update(c, "DELETE FROM " + table + " WHERE member_id = ?", memberId);
        }
        Sql.update(c, "UPDATE visits SET member_id = NULL WHERE member_id = ?", memberId);
        Sql.update(c, "UPDATE coupons SET member_id = NULL WHERE member_id = ?", memberId);
        for (String[] tap : Sql.list(c, "SELECT tap_id, kiosk_id FROM taps WHERE member_id = ?",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, memberId)) {
            Sql.update(c, "UPDATE taps SET member_id = NULL, tier = NULL, answer_json = ? WHERE tap_id = ?",
                    welcome(tap[0], tap[1], now), tap[0]);
        }
        Sql.update(c, "DELETE FROM members WHERE member_id = ?", memberId);
        Sql.update(c, "INSERT INTO erased_members (member_id, erased_ms, chain_shipped, chain_version) VALUES (?, ?, TRUE, ?)",
                memberId, now, version);
        return true;
    }

    private String welcome(String tapId, String kioskId, Instant now) {
        ScreenUpdate welcome = new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), now, kioskId, tapId,
                ScreenUpdate.Kind.WELCOME, "Welcome!", null, List.of(), null);
        return new String(codec.encode(welcome), StandardCharsets.UTF_8);
    }
}
