package com.instore.hub.coupons;

import com.instore.hub.db.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code coupons} table. Blocking, on the caller's connection. */
final class CouponTable {
    private static final String COLUMNS = """
            code, offer_id, member_id, segment, ranked, store_id, kiosk_id, tap_id, issued_ms, expires_ms, printed_ms,
            dismissed_ms, redeemed_ms, redeemed_store, redeemed_till, redeem_request""";
    private static final String INSERT = """
            INSERT INTO coupons (code, offer_id, member_id, segment, ranked, store_id, kiosk_id, tap_id, issued_ms,
            expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String LIVE = "SELECT " + COLUMNS + """
             FROM coupons WHERE member_id = ? AND offer_id = ? AND redeemed_ms IS NULL AND dismissed_ms IS NULL
            AND expires_ms > ? ORDER BY issued_ms DESC LIMIT 1""";
    /** Usable coupons (last column true) and those dismissed since the first parameter, oldest first. */
    private static final String HELD = """
            SELECT code, offer_id, expires_ms, dismissed_ms IS NOT NULL AND issued_ms >= ?,
            redeemed_ms IS NULL AND dismissed_ms IS NULL AND expires_ms > ? FROM coupons
            WHERE member_id = ? AND (expires_ms > ? OR issued_ms >= ?) ORDER BY issued_ms""";
    private static final String REDEEM = """
            UPDATE coupons SET redeemed_ms = ?, redeemed_store = ?, redeemed_till = ?, redeem_request = ?
            WHERE code = ? AND redeemed_ms IS NULL AND expires_ms > ?""";

    /** A stored coupon. */
    record Row(String code, String offerId, String memberId, String segment, boolean ranked, String storeId,
               String kioskId, String tapId, Instant issued, Instant expires, Instant printed, Instant dismissed,
               Instant redeemed, String redeemedStore, String redeemedTill, String redeemRequest) {
        Coupon coupon() {
            return new Coupon(code, offerId, expires);
        }
    }

    void insert(Connection c, Row r) throws SQLException {
        Sql.update(c, INSERT, r.code(), r.offerId(), r.memberId(), r.segment(), r.ranked(), r.storeId(), r.kioskId(),
                r.tapId(), r.issued(), r.expires());
    }

    Optional<Row> byCode(Connection c, String code) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM coupons WHERE code = ?", CouponTable::row, code);
    }

    Optional<Row> live(Connection c, String memberId, String offerId, Instant now) throws SQLException {
        return Sql.one(c, LIVE, CouponTable::row, memberId, offerId, now);
    }

    HeldCoupons held(Connection c, String memberId, Instant now, Instant dismissedSince) throws SQLException {
        Map<String, Coupon> live = new HashMap<>();
        Set<String> dismissed = new HashSet<>();
        for (Held h : Sql.list(c, HELD, rs -> new Held(new Coupon(rs.getString(1), rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3))), rs.getBoolean(4), rs.getBoolean(5)),
                dismissedSince, now, memberId, now, dismissedSince)) {
            if (h.dismissed()) {
                dismissed.add(h.coupon().offerId());
            }
            if (h.live()) {
                live.put(h.coupon().offerId(), h.coupon()); // oldest first: the newest one stays
            }
        }
        return new HeldCoupons(live, dismissed);
    }

    private record Held(Coupon coupon, boolean dismissed, boolean live) {
    }

    List<Row> ofMember(Connection c, String memberId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM coupons WHERE member_id = ? ORDER BY issued_ms", CouponTable::row,
                memberId);
    }

    long issuedSince(Connection c, String memberId, String offerId, Instant since) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM coupons WHERE member_id = ? AND offer_id = ? AND issued_ms >= ?",
                memberId, offerId, since);
    }

    boolean redeem(Connection c, String code, Instant now, String storeId, String till, String requestId)
            throws SQLException {
        return Sql.update(c, REDEEM, now, storeId, till, requestId, code, now) == 1;
    }

    void mark(Connection c, String column, String code, Instant now) throws SQLException {
        if (!column.equals("printed_ms") && !column.equals("dismissed_ms")) {
            throw new IllegalArgumentException(column);
        }
        Sql.update(c, "UPDATE coupons SET " + column + " = COALESCE(" + column + ", ?) WHERE code = ?", now, code);
    }

    int anonymise(Connection c, String memberId) throws SQLException {
        return Sql.update(c, "UPDATE coupons SET member_id = NULL WHERE member_id = ?", memberId);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("code"), rs.getString("offer_id"), rs.getString("member_id"), rs.getString("segment"),
                rs.getBoolean("ranked"), rs.getString("store_id"), rs.getString("kiosk_id"), rs.getString("tap_id"),
                Sql.instant(rs, "issued_ms"), Sql.instant(rs, "expires_ms"), Sql.instant(rs, "printed_ms"),
                Sql.instant(rs, "dismissed_ms"), Sql.instant(rs, "redeemed_ms"), rs.getString("redeemed_store"),
                rs.getString("redeemed_till"), rs.getString("redeem_request"));
    }
}
