package com.instore.hub.members;

import com.instore.hub.db.Database;
import com.instore.hub.identity.Identity;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * Links a credential to an existing member (staff desk, phone app): {@code {"type":"CARD_UID","value":"04A2..."}},
 * {@code {"type":"PHONE","publicKey":"<Ed25519, base64>"}} (answers the credential id the phone signs with),
 * {@code {"type":"NDEF"}} (answers a signed member token to write on a tag), {@code {"type":"SUN","value":"<UID hex>",
 * "counter":12}}. 201 when linked, 404 unknown member, 409 when another member holds the credential, 400 otherwise.
 */
final class CredentialLinks {
    private final Database db;
    private final Identity identity;
    private final Clock clock;

    CredentialLinks(Database db, Identity identity, Clock clock) {
        this.db = db;
        this.identity = identity;
        this.clock = clock;
    }

    /** The request body. */
    record Request(String type, String value, String publicKey, Long counter) {
    }

    /** The HTTP status and JSON body to answer. */
    record Result(int status, Map<String, Object> body) {
    }

    Result link(String memberId, Request request) throws SQLException {
        try {
            return db.inTransaction(c -> {
                if (Members.exists(c, memberId)) {
                    return new Result(201, linkOne(c, memberId, request));
                }
                return new Result(404, Map.of("error", "no such member"));
            });
        } catch (IllegalStateException e) {
            return new Result(409, Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException e) {
            return new Result(400, Map.of("error", e.getMessage()));
        }
    }

    private Map<String, Object> linkOne(java.sql.Connection c, String memberId, Request r) throws SQLException {
        String type = r.type() == null ? "" : r.type();
        return switch (type) {
            case "CARD_UID" -> Map.of("type", type, "storedAs", identity.linkCard(c, memberId, text(r.value()),
                    clock.instant()).orElseThrow(() -> new IllegalArgumentException("not a card UID")).hash());
            case "PHONE" -> Map.of("type", type, "credentialId",
                    identity.linkPhone(c, memberId, text(r.publicKey()), clock.instant()));
            case "NDEF" -> Map.of("type", type, "token", identity.issueNdefToken(c, memberId, clock.instant()));
            case "SUN" -> Map.of("type", type, "storedAs",
                    identity.linkSunTag(c, memberId, text(r.value()), r.counter(), clock.instant()).hash());
            default -> throw new IllegalArgumentException("type must be CARD_UID, PHONE, NDEF or SUN");
        };
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("value (or publicKey for a phone) is required");
        }
        return value;
    }
}
