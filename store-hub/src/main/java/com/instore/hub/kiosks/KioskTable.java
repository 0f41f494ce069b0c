package com.instore.hub.kiosks;

import com.instore.hub.db.Database;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.MessageCodec;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code kiosks} table: secret fingerprints and presence. Blocking; thread-safe. */
final class KioskTable {
    private static final String UPSERT = """
            INSERT INTO kiosks (store_id, kiosk_id, zone, secret_sha256) VALUES (?, ?, ?, ?)
            ON CONFLICT (store_id, kiosk_id) DO UPDATE SET zone = excluded.zone, secret_sha256 = excluded.secret_sha256""";
    private static final String PRESENCE = """
            UPDATE kiosks SET online = ?, last_seen_ms = ?, status_json = COALESCE(?, status_json)
            WHERE store_id = ? AND kiosk_id = ?""";
    private static final String LIST = """
            SELECT kiosk_id, zone, online, last_seen_ms, status_json FROM kiosks WHERE store_id = ? ORDER BY kiosk_id""";

    private static final String CREDENTIALS = """
            SELECT kiosk_id, zone, secret_sha256 FROM kiosks WHERE store_id = ? ORDER BY kiosk_id""";

    private final Database db;
    private final MessageCodec codec;

    KioskTable(Database db, MessageCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    Optional<String> fingerprint(String storeId, String kioskId) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT secret_sha256 FROM kiosks WHERE store_id = ? AND kiosk_id = ?")) {
                ps.setString(1, storeId);
                ps.setString(2, kioskId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    void upsert(String storeId, String kioskId, String zone, String fingerprint) throws SQLException {
        db.withConnection(c -> update(c, UPSERT, storeId, kioskId, zone, fingerprint));
    }

    /** A kiosk allowed to connect. */
    record Credential(String kioskId, String zone, String fingerprint) {
    }

    List<Credential> credentials(String storeId) throws SQLException {
        return db.withConnection(c -> com.instore.hub.db.Sql.list(c, CREDENTIALS,
                rs -> new Credential(rs.getString(1), rs.getString(2), rs.getString(3)), storeId));
    }

    void delete(String storeId, String kioskId) throws SQLException {
        db.withConnection(c -> update(c, "DELETE FROM kiosks WHERE store_id = ? AND kiosk_id = ?", storeId, kioskId));
    }

    /** Records presence; {@code statusJson} null keeps the last health report (a Will carries none). */
    void presence(String storeId, String kioskId, boolean online, Instant lastSeen, String statusJson) throws SQLException {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(PRESENCE)) {
                ps.setBoolean(1, online);
                ps.setLong(2, lastSeen.toEpochMilli());
                ps.setString(3, statusJson);
                ps.setString(4, storeId);
                ps.setString(5, kioskId);
                return ps.executeUpdate();
            }
        });
    }

    List<KioskView> list(String storeId) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(LIST)) {
                ps.setString(1, storeId);
                List<KioskView> views = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        views.add(view(storeId, rs));
                    }
                }
                return views;
            }
        });
    }

    private KioskView view(String storeId, ResultSet rs) throws SQLException {
        long seen = rs.getLong(4);
        Instant lastSeen = rs.wasNull() ? null : Instant.ofEpochMilli(seen);
        KioskStatus s = status(rs.getString(5));
        return new KioskView(storeId, rs.getString(1), rs.getString(2), rs.getBoolean(3), lastSeen,
                s == null ? null : s.version(), s == null ? null : s.reader(), s == null ? null : s.printer(),
                s == null ? null : s.screen());
    }

    private KioskStatus status(String json) {
        if (json == null) {
            return null;
        }
        try {
            return codec.decode(json.getBytes(StandardCharsets.UTF_8), KioskStatus.class);
        } catch (InvalidMessageException e) {
            return null; // stored by an older schema: show presence only
        }
    }

    private static int update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
