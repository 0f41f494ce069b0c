package com.instore.hub.provisioning;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import com.instore.hub.secrets.SecretFile;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One-time enrolment codes: 10 characters of Crockford base32 (50 random bits), shown as {@code ABCDE-FGHJK}; typed
 * case-insensitively, with O read as 0 and I or L as 1. Kept only as SHA-256; single use; expiring; a new code for a
 * kiosk replaces its unused ones. Guessing is bounded by the rate limit on {@code POST /api/enrol}. Thread-safe, blocking.
 */
final class EnrolmentCodes {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final String storeId;
    private final Duration ttl;
    private final Clock clock;

    EnrolmentCodes(Database db, String storeId, Duration ttl, Clock clock) {
        this.db = db;
        this.storeId = storeId;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Why a code was not accepted. */
    enum Refusal {
        UNKNOWN("unknown enrolment code"),
        USED("this enrolment code was already used: ask the operator for a new one"),
        EXPIRED("this enrolment code has expired: ask the operator for a new one");

        final String message;

        Refusal(String message) {
            this.message = message;
        }
    }

    /** A code just issued, in clear (shown once), and when it expires. */
    record Issued(String code, Instant expires) {
    }

    /** Issues a new code for {@code kioskId}, voiding its unused ones. */
    Issued issue(String kioskId) throws SQLException {
        String code = newCode();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM enrolment_codes WHERE store_id = ? AND kiosk_id = ? AND used_ms IS NULL",
                    storeId, kioskId);
            return Sql.update(c, "INSERT INTO enrolment_codes (code_sha256, store_id, kiosk_id, created_ms, expires_ms) "
                    + "VALUES (?, ?, ?, ?, ?)", hash(code), storeId, kioskId, now, expires);
        });
        return new Issued(code, expires);
    }

    /**
     * Uses a code up: the kiosk it was issued for, or why not. Atomic: of two concurrent redemptions one wins.
     */
    Redemption redeem(String typed) throws SQLException {
        String hash = hash(normalize(typed));
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            int taken = Sql.update(c, "UPDATE enrolment_codes SET used_ms = ? WHERE code_sha256 = ? AND store_id = ? "
                    + "AND used_ms IS NULL AND expires_ms > ?", now, hash, storeId, now);
            Optional<Object[]> row = Sql.one(c, "SELECT kiosk_id, used_ms, expires_ms FROM enrolment_codes "
                    + "WHERE code_sha256 = ? AND store_id = ?", rs -> new Object[] {rs.getString(1),
                    Sql.nullableLong(rs, "used_ms"), rs.getLong(3)}, hash, storeId);
            if (row.isEmpty()) {
                return new Redemption(null, Refusal.UNKNOWN);
            }
            if (taken == 1) {
                return new Redemption((String) row.get()[0], null);
            }
            return new Redemption(null, row.get()[1] != null ? Refusal.USED : Refusal.EXPIRED);
        });
    }

    /** Either the kiosk id or the refusal. */
    record Redemption(String kioskId, Refusal refusal) {
    }

    static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char ch : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char c = switch (ch) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> ch;
            };
            if (ALPHABET.indexOf(c) >= 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.insert(5, '-').toString();
    }

    private static String hash(String code) {
        return SecretFile.sha256Hex("enrol:" + normalize(code));
    }
}
