package com.instore.hub.taps;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import io.helidon.config.Config;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Purges raw events older than {@code hub.retention.tap-days} (default 90; 0 keeps them forever): tap rows, shopper actions,
 * where credentials were last seen, used or expired join links. The daily figures ({@code tap_daily}), visits, points and
 * coupons stay. A store linked to its chain's centre keeps a tap until the centre has it ({@code chain_shipped}): a store cut
 * off for longer than the retention period loses nothing. Deletes in batches so that taps are never held up for long.
 * Blocking; call from a timer.
 */
public final class Retention {
    static final int BATCH = 5_000;
    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    private final Database db;
    private final int tapDays;
    private final Clock clock;
    private final String tapsToPurge;

    /** @param chainLinked whether the store ships its taps to a centre (then unshipped taps stay) */
    public Retention(Database db, int tapDays, boolean chainLinked, Clock clock) {
        if (tapDays < 0) {
            throw new IllegalArgumentException("hub.retention.tap-days must be >= 0, got " + tapDays);
        }
        this.db = db;
        this.tapDays = tapDays;
        this.clock = clock;
        this.tapsToPurge = "SELECT tap_id FROM taps WHERE received_at_ms < ?"
                + (chainLinked ? " AND chain_shipped IS NOT NULL" : "") + " LIMIT " + BATCH;
    }

    /** Reads {@code hub.retention}; {@code chainLinked}: whether {@code hub.chain} links the store to a centre. */
    public static Retention from(Config retention, Database db, boolean chainLinked, Clock clock) {
        return new Retention(db, retention.get("tap-days").asInt().orElse(90), chainLinked, clock);
    }

    /** Purges once; returns how many tap rows went. Never throws (a failure is logged and retried on the next run). */
    public long purge() {
        if (tapDays == 0) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(tapDays));
        try {
            long taps = batches("DELETE FROM taps WHERE tap_id IN (" + tapsToPurge + ")", cutoff);
            batches("DELETE FROM shopper_actions WHERE action_id IN (SELECT action_id FROM shopper_actions"
                    + " WHERE received_ms < ? LIMIT " + BATCH + ")", cutoff);
            db.withConnection(c -> Sql.update(c, "DELETE FROM credential_sightings WHERE seen_ms < ?", cutoff)
                    + Sql.update(c, "DELETE FROM join_invites WHERE expires_ms < ?", clock.instant().minus(Duration.ofDays(1))));
            if (taps > 0) {
                LOG.log(System.Logger.Level.INFO, "retention: purged {0} taps older than {1} days", taps, tapDays);
            }
            return taps;
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "retention purge failed, will retry: {0}", e.getMessage());
            return 0;
        }
    }

    private long batches(String sql, Instant cutoff) throws SQLException {
        long total = 0;
        int deleted;
        do {
            deleted = db.withConnection(c -> Sql.update(c, sql, cutoff));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
