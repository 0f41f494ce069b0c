package com.instore.hub.offers;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code offer_counters} table: coupons issued and redemptions per offer. Increments are conditional UPDATEs
 * ({@code ... WHERE issued < limit}): atomic on SQLite and PostgreSQL alike, so a budget holds under concurrent taps.
 */
final class OfferCounters {
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final boolean rowLocks;

    /** {@code rowLocks}: whether {@link #lock} takes row locks (PostgreSQL; a SQLite transaction here locks it all). */
    OfferCounters(boolean rowLocks) {
        this.rowLocks = rowLocks;
    }

    /** Counts of one offer. */
    record Counts(long issued, long redeemed) {
        static final Counts NONE = new Counts(0, 0);
    }

    /** Makes sure every offer has its counter row (new offers, from the file or the API). */
    static void ensure(Database db, List<OfferSpec> offers) {
        try {
            db.inTransaction(c -> {
                for (OfferSpec o : offers) {
                    Sql.update(c, "INSERT INTO offer_counters (offer_id) VALUES (?) ON CONFLICT (offer_id) DO NOTHING", o.id());
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the offer counters: " + e.getMessage(), e);
        }
    }

    Map<String, Counts> all(Connection c) throws SQLException {
        Map<String, Counts> counts = new HashMap<>();
        Sql.list(c, "SELECT offer_id, issued, redeemed FROM offer_counters", rs -> counts.put(rs.getString(1),
                new Counts(rs.getLong(2), rs.getLong(3))));
        return counts;
    }

    /**
     * Takes the counters' row locks (PostgreSQL) in the given order, before any of them is counted. Nothing to do on SQLite:
     * its transactions begin IMMEDIATE, holding the database's write lock until they end.
     */
    void lock(Connection c, List<String> offerIds) throws SQLException {
        if (!rowLocks) {
            return;
        }
        for (String id : offerIds) {
            Sql.update(c, "UPDATE offer_counters SET issued = issued WHERE offer_id = ?", id);
        }
    }

    /** Counts one coupon issued unless that reaches past {@code budget} (null = unlimited); false when the budget is spent. */
    boolean issue(Connection c, String offerId, Long budget) throws SQLException {
        return Sql.update(c, "UPDATE offer_counters SET issued = issued + 1 WHERE offer_id = ? AND issued < ?", offerId,
                budget == null ? UNLIMITED : budget) == 1;
    }

    /** Counts one redemption unless that reaches past {@code limit} (the smaller of stock and budget; null = unlimited). */
    boolean redeem(Connection c, String offerId, Long limit) throws SQLException {
        return Sql.update(c, "UPDATE offer_counters SET redeemed = redeemed + 1 WHERE offer_id = ? AND redeemed < ?",
                offerId, limit == null ? UNLIMITED : limit) == 1;
    }
}
