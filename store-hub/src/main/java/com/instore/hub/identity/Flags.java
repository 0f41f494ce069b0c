package com.instore.hub.identity;

import com.instore.hub.db.Sql;
import com.instore.protocol.KioskAddress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Suspicious credentials: a replayed or older counter, a bad signature or CMAC, a probable clone. Each is a row in
 * {@code credential_flags} (in the tap's transaction) and a count in {@code hub_credentials_flagged_total{reason}}.
 */
final class Flags {
    static final String REPLAY = "replay";
    static final String BAD_SIGNATURE = "bad_signature";
    static final String CLONE = "probable_clone";

    private static final String INSERT = """
            INSERT INTO credential_flags (flag_id, credential_type, credential_hash, reason, detail, store_id, kiosk_id,
            tap_id, flagged_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final MeterRegistry registry;

    Flags(MeterRegistry registry) {
        this.registry = registry;
    }

    void flag(Connection c, CredentialKey key, String reason, String detail, KioskAddress kiosk, String tapId,
              Instant at) throws SQLException {
        String text = detail.length() > 500 ? detail.substring(0, 500) : detail;
        Sql.update(c, INSERT, UUID.randomUUID().toString(), key.type(), key.hash(), reason, text, kiosk.storeId(),
                kiosk.kioskId(), tapId, at);
        Counter.builder("hub.credentials.flagged").description("Credentials flagged as replayed, forged or cloned")
                .tag("reason", reason).register(registry).increment();
    }
}
