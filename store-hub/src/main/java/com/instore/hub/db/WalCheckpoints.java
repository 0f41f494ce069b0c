package com.instore.hub.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies SQLite's WAL into the database file in the background, every {@code every}, on a pooled connection
 * ({@code PRAGMA wal_checkpoint(PASSIVE)}: it neither waits for the writer nor holds it up). Only a checkpoint that finds
 * every frame copied lets the next transaction start the WAL over; a background one does when it falls between two of the
 * writer's transactions. The single writer also checkpoints itself when it has caught up ({@link HeldConnection#checkpoint}),
 * which keeps the WAL shorter (measured at 500 taps/s: at most ~450 frames against ~2,400 without it, no difference in
 * latency); its checkpoint then has only what was committed since the last background one left to copy. Nothing on
 * PostgreSQL.
 */
public final class WalCheckpoints implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WalCheckpoints.class.getName());

    private final ScheduledExecutorService thread;

    private WalCheckpoints(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /** Starts the background checkpoints of {@code db} (a thread {@code hub-wal}); none on PostgreSQL. */
    public static WalCheckpoints start(Database db, Duration every) {
        if (!db.isSqlite()) {
            return new WalCheckpoints(null);
        }
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("hub-wal").daemon().factory());
        thread.scheduleWithFixedDelay(() -> checkpoint(db), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new WalCheckpoints(thread);
    }

    private static void checkpoint(Database db) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "background WAL checkpoint skipped: {0}", e.getMessage());
        }
    }

    /** Stops the checkpoints (the one running finishes first, up to 5 s). */
    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            thread.shutdown();
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
