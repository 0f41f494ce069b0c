package com.instore.agent.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the hub's SQLite database holds, read through a read-only connection (safe next to a running hub: WAL): the tap ids
 * it processed, each member's points, and the points each member's visits earned.
 */
final class HubLedger {
    private final String url;

    HubLedger(Path database) {
        this.url = "jdbc:sqlite:file:" + database + "?mode=ro";
    }

    Set<String> processedTapIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        query("SELECT tap_id FROM taps", rs -> ids.add(rs.getString(1)));
        return ids;
    }

    /** Points per member. */
    Map<String, Long> points() throws SQLException {
        Map<String, Long> points = new HashMap<>();
        query("SELECT member_id, points FROM members", rs -> points.put(rs.getString(1), rs.getLong(2)));
        return points;
    }

    /** Points earned per member according to the visits (one row per tap that earned points). */
    Map<String, Long> visitPoints() throws SQLException {
        Map<String, Long> points = new HashMap<>();
        query("SELECT member_id, SUM(points) FROM visits WHERE member_id IS NOT NULL GROUP BY member_id",
                rs -> points.put(rs.getString(1), rs.getLong(2)));
        return points;
    }

    /**
     * Points a member holds beyond (or short of) what the baseline plus its visits imply, summed in absolute value over
     * members: zero unless a tap changed points without its visit, or twice.
     */
    long doubleCountedPoints(Map<String, Long> baseline) throws SQLException {
        Map<String, Long> now = points();
        Map<String, Long> earned = visitPoints();
        long off = 0;
        for (Map.Entry<String, Long> member : now.entrySet()) {
            long expected = baseline.getOrDefault(member.getKey(), 0L) + earned.getOrDefault(member.getKey(), 0L);
            off += Math.abs(member.getValue() - expected);
        }
        return off;
    }

    private void query(String sql, Row row) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }
}
