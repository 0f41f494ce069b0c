package com.instore.hub.dashboard;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Today's figures from the taps and coupons tables (read only): taps, recognised share, offers shown, coupons printed and
 * redeemed, tap-to-offer latency p50/p95, and per hour the taps and the p95 latency. Blocking (database).
 */
final class Figures {
    /** Today's numbers; latencies in milliseconds, -1 while no tap has one. */
    record Today(long taps, double recognisedShare, long offersShown, long couponsPrinted, long couponsRedeemed,
                 double p50Ms, double p95Ms, long[] tapsPerHour, double[] p95MsPerHour, Map<String, Instant> lastTap) {
    }

    private record TapRow(long at, String kiosk, boolean recognised, int offers, Long latencyUs) {
    }

    private final Database db;
    private final ZoneId zone;

    Figures(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    Today today(Instant now) throws SQLException {
        long start = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
        List<TapRow> rows = db.withConnection(c -> Sql.list(c, "SELECT received_at_ms, kiosk_id, member_id IS NOT NULL,"
                        + " offer_count, latency_us FROM taps WHERE received_at_ms >= ?",
                rs -> new TapRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        Sql.nullableLong(rs, "latency_us")), start));
        long printed = db.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM coupons WHERE printed_ms >= ?", start));
        long redeemed = db.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM coupons WHERE redeemed_ms >= ?", start));
        long recognised = rows.stream().filter(TapRow::recognised).count();
        return new Today(rows.size(), rows.isEmpty() ? 0 : (double) recognised / rows.size(),
                rows.stream().mapToLong(TapRow::offers).sum(), printed, redeemed,
                percentile(latencies(rows), 0.50), percentile(latencies(rows), 0.95),
                perHour(rows, start), p95PerHour(rows, start), lastTaps(rows));
    }

    private static long[] latencies(List<TapRow> rows) {
        return rows.stream().filter(r -> r.latencyUs() != null).mapToLong(TapRow::latencyUs).sorted().toArray();
    }

    /** Nearest-rank percentile in milliseconds, -1 for no values; {@code sorted} ascending. */
    static double percentile(long[] sortedMicros, double q) {
        if (sortedMicros.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sortedMicros.length);
        return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
    }

    private static long[] perHour(List<TapRow> rows, long start) {
        long[] hours = new long[24];
        rows.forEach(r -> hours[hour(r.at(), start)]++);
        return hours;
    }

    private static double[] p95PerHour(List<TapRow> rows, long start) {
        List<List<Long>> byHour = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            byHour.add(new ArrayList<>());
        }
        rows.stream().filter(r -> r.latencyUs() != null).forEach(r -> byHour.get(hour(r.at(), start)).add(r.latencyUs()));
        double[] p95 = new double[24];
        Arrays.setAll(p95, h -> percentile(byHour.get(h).stream().mapToLong(Long::longValue).sorted().toArray(), 0.95));
        return p95;
    }

    private static int hour(long at, long start) {
        return (int) Math.min(23, Math.max(0, (at - start) / 3_600_000L));
    }

    private static Map<String, Instant> lastTaps(List<TapRow> rows) {
        Map<String, Instant> last = new HashMap<>();
        rows.forEach(r -> last.merge(r.kiosk(), Instant.ofEpochMilli(r.at()), (a, b) -> a.isAfter(b) ? a : b));
        return last;
    }
}
