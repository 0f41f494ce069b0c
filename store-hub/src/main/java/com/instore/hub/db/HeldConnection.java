package com.instore.hub.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One pooled connection kept by one thread across many transactions, with its prepared statements cached
 * ({@link StatementCache}): for a single writer (the hub's tap writer) that runs a transaction after another, so that it
 * neither borrows a connection nor prepares its statements anew for each. The owner gives it back with {@link #release}
 * when it has nothing to do; it is also given back and taken again after {@code maxHoldMillis} (so the pool can retire it
 * at its maximum lifetime) and after a transaction that could not begin or commit (it may be broken). Transactions are
 * the same as {@link Database#inTransaction}'s, except that a connection held {@link Database#holdDeferringSync deferring
 * sync} commits without waiting for the disk. Not thread-safe: one owner thread; blocking.
 */
public final class HeldConnection implements Transactions, AutoCloseable {
    private final Database db;
    private final long maxHoldNanos;
    /** SQLite only: commits on this connection leave the disk write to {@link Database#syncCommitted}. */
    private final boolean deferSync;
    private Connection connection;
    private StatementCache statements;
    private long heldSince;

    HeldConnection(Database db, long maxHoldMillis, boolean deferSync) {
        this.db = db;
        this.maxHoldNanos = maxHoldMillis * 1_000_000;
        this.deferSync = deferSync && db.isSqlite();
    }

    @Override
    public <T> T inTransaction(Database.Work<T> work) throws SQLException {
        if (connection != null && System.nanoTime() - heldSince > maxHoldNanos) {
            release();
        }
        if (connection == null) {
            take();
        }
        try {
            db.begin(connection);
        } catch (SQLException e) {
            statements.closeAll();
            connection = null; // evicted from the pool by begin
            throw e;
        }
        try {
            T result = work.run(statements.connection());
            connection.commit();
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException | RuntimeException e) {
            // Rare (a tap's own failure stays inside its savepoint): start afresh rather than trust this connection.
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException | RuntimeException again) {
                e.addSuppressed(again);
            }
            release();
            throw e;
        }
    }

    /**
     * SQLite: copies the WAL into the database file now, outside any transaction ({@code PRAGMA wal_checkpoint(PASSIVE)}),
     * so that the next transaction starts the WAL over. For the owner to call when nobody waits for it: SQLite's automatic
     * checkpoint runs inside the commit that crosses its threshold, with everything queued behind that commit waiting too.
     * Nothing to do on PostgreSQL or when no connection is held.
     */
    public void checkpoint() throws SQLException {
        if (connection == null || !db.isSqlite()) {
            return;
        }
        try (PreparedStatement ps = statements.connection().prepareStatement("PRAGMA wal_checkpoint(PASSIVE)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
    }

    private void take() throws SQLException {
        Connection taken = db.dataSource().getConnection();
        if (deferSync) {
            try {
                synchronous(taken, "NORMAL");
            } catch (SQLException e) {
                taken.close();
                throw e;
            }
        }
        connection = taken;
        statements = new StatementCache(taken);
        heldSince = System.nanoTime();
    }

    private static void synchronous(Connection c, String mode) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = " + mode);
        }
    }

    /** Whether a connection is held now (for tests). */
    boolean holding() {
        return connection != null;
    }

    /** Closes the cached statements and gives the connection back to the pool; the next transaction takes one again. */
    public void release() {
        if (connection == null) {
            return;
        }
        statements.closeAll();
        if (deferSync) {
            try {
                synchronous(connection, "FULL");
            } catch (SQLException e) {
                db.evict(connection); // the pool's other users count on FULL
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            System.getLogger(HeldConnection.class.getName()).log(System.Logger.Level.DEBUG,
                    "held connection not closed cleanly: {0}", e.getMessage());
        }
        connection = null;
        statements = null;
    }

    @Override
    public void close() {
        release();
    }
}
