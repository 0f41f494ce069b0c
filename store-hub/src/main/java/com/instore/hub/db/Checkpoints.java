package com.instore.hub.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SQLite's WAL checkpoints on a thread of their own ({@code hub-db-checkpoint}): the hub's connections have automatic
 * checkpoints off ({@code wal_autocheckpoint=0}, {@link Database}) and this copies the WAL into the database file every
 * {@link #INTERVAL} with {@code PRAGMA wal_checkpoint(PASSIVE)}, which never waits for the writer, who goes on appending.
 * With SQLite's automatic checkpoint, the commit that took the WAL past 1,000 pages ran the checkpoint itself, inside the
 * tap writer's batch: at 500 taps/s seven times a second, ~8 ms each, and the taps behind it waited (bench/BENCHMARKS.md,
 * 2026-11-26 14:25-14:50). Once a second the same pages are copied once instead of seven times. A checkpoint that
 * cannot finish (a reader still uses old frames) leaves them for the next one, as an automatic one would.
 * Thread-safe.
 */
final class Checkpoints implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(Checkpoints.class.getName());

    private final DataSource pool;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hub-db-checkpoint").daemon().factory());

    private Checkpoints(DataSource pool) {
        this.pool = pool;
    }

    /** Checkpoints {@code pool}'s database every {@code interval} until closed. */
    static Checkpoints start(DataSource pool, Duration interval) {
        Checkpoints checkpoints = new Checkpoints(pool);
        checkpoints.timer.scheduleWithFixedDelay(checkpoints::runLogged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return checkpoints;
    }

    private void runLogged() {
        try {
            int left = run();
            if (left > 0) {
                LOG.log(System.Logger.Level.DEBUG, "WAL checkpoint: {0} frames left for the next one", left);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "WAL checkpoint failed (tried again in {0} s): {1}",
                    INTERVAL.toSeconds(), e.getMessage());
        }
    }

    /** One passive checkpoint; returns how many WAL frames it could not copy yet. */
    int run() throws SQLException {
        try (Connection c = pool.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return Math.max(0, rs.getInt(2) - rs.getInt(3)); // frames in the WAL minus frames checkpointed
        }
    }

    /** Stops checkpointing (a checkpoint under way finishes); closing the last connection checkpoints the rest. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
