package com.instore.hub.taps;

import com.instore.hub.db.Database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code taps} table: the idempotency record of every tap and the exact answer it got. Blocking. */
final class TapTable {
    private static final String INSERT = """
            INSERT INTO taps (tap_id, store_id, kiosk_id, tapped_at_ms, received_at_ms, credential_type, member_id, tier,
            offer_count, answer_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String RECENT = """
            SELECT received_at_ms, kiosk_id, member_id IS NOT NULL, tier, offer_count, latency_us FROM taps
            ORDER BY received_at_ms DESC, tap_id DESC LIMIT ?""";


    private final Database db;
    private final ZoneId zone;

    TapTable(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /**
     * A tap row about to be written. {@code memberId} and {@code tier} are null for an anonymous tap; {@code verified}
     * says whether it proved presence (for the daily figures).
     */
    record Row(String tapId, String storeId, String kioskId, Instant tappedAt, Instant receivedAt, String credentialType,
               String memberId, String tier, int offerCount, byte[] answer, boolean verified) {
    }

    /** The answer already given to {@code tapId}, byte for byte, on the caller's transaction. */
    Optional<byte[]> answerOf(Connection c, String tapId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT answer_json FROM taps WHERE tap_id = ?")) {
            ps.setString(1, tapId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1).getBytes(StandardCharsets.UTF_8)) : Optional.empty();
            }
        }
    }

    void insert(Connection c, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, row.tapId());
            ps.setString(2, row.storeId());
            ps.setString(3, row.kioskId());
            ps.setLong(4, row.tappedAt().toEpochMilli());
            ps.setLong(5, row.receivedAt().toEpochMilli());
            ps.setString(6, row.credentialType());
            setNullable(ps, 7, row.memberId());
            setNullable(ps, 8, row.tier());
            ps.setInt(9, row.offerCount());
            ps.setString(10, new String(row.answer(), StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
        TapDaily.add(c, row.storeId(), row.kioskId(), LocalDate.ofInstant(row.receivedAt(), zone), row.memberId() != null,
                row.verified(), row.offerCount());
    }

    /** A measured tap-to-offer latency waiting to be written. */
    record Latency(String tapId, long micros) {
    }

    /** Notes measured latencies of first answers on the caller's transaction, in one JDBC batch; returns how many. */
    int latencies(Connection c, List<Latency> latencies) throws SQLException {
        if (latencies.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE taps SET latency_us = ? WHERE tap_id = ?")) {
            for (Latency l : latencies) {
                ps.setLong(1, l.micros());
                ps.setString(2, l.tapId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return latencies.size();
    }

    /** Notes the measured tap-to-offer latency of a first answer (an annotation: not part of the tap's outcome). */
    void latency(String tapId, long micros) throws SQLException {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE taps SET latency_us = ? WHERE tap_id = ?")) {
                ps.setLong(1, micros);
                ps.setString(2, tapId);
                return ps.executeUpdate();
            }
        });
    }

    List<RecentTap> recent(int limit) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(RECENT)) {
                ps.setInt(1, limit);
                List<RecentTap> taps = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long latency = rs.getLong(6);
                        Long micros = rs.wasNull() ? null : latency;
                        taps.add(new RecentTap(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getBoolean(3),
                                rs.getString(4), rs.getInt(5), micros));
                    }
                }
                return taps;
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
