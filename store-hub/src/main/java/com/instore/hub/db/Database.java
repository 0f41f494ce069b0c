package com.instore.hub.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The hub's database behind a HikariCP pool, schema by Flyway ({@code db/migration}, the same migrations for both): SQLite
 * in WAL mode by default, PostgreSQL by configuration ({@link DbConfig}).
 * <p>
 * SQLite: {@code synchronous=FULL}: a commit is on disk when it returns, even across a power cut; the one exception is
 * the tap writer's connection ({@link #holdDeferringSync}), whose commits reach the disk at {@link #syncCommitted}.
 * Transactions begin IMMEDIATE: they take the write lock at once (waiting up to the busy timeout) instead of failing
 * with SQLITE_BUSY when a read turns into a write after another writer committed. SQLite's automatic WAL checkpoint (run
 * inside whichever commit takes the WAL past a threshold) waits for {@value #WAL_AUTOCHECKPOINT_PAGES} pages instead of
 * 1,000: the tap writer checkpoints itself between batches ({@link HeldConnection#checkpoint}), and the automatic one is
 * the net under it. PostgreSQL runs at READ COMMITTED; code that enforces limits takes row locks with an UPDATE first.
 * Thread-safe; {@link #inTransaction} blocks on the database.
 */
public final class Database implements Transactions, AutoCloseable {
    /** SQLite's automatic checkpoint threshold, in WAL pages (4 KB each): 16 MB. */
    static final int WAL_AUTOCHECKPOINT_PAGES = 4_000;

    private final HikariDataSource pool;
    /** SQLite's write-ahead log; null on PostgreSQL. */
    private final Path wal;

    private Database(HikariDataSource pool, Path wal) {
        this.pool = pool;
        this.wal = wal;
    }

    /** Opens (creating if needed) the SQLite {@code file}, migrated to the latest schema. */
    public static Database open(Path file) {
        return open(DbConfig.sqlite(file));
    }

    /** Opens the configured database, migrated to the latest schema. */
    public static Database open(DbConfig config) {
        return open(config, 5_000);
    }

    /**
     * Opens the configured database, migrated to the latest schema; a connection not obtained within
     * {@code connectionTimeoutMs} (at least 250) fails (a remote database behind a link that may be cut).
     */
    public static Database open(DbConfig config, long connectionTimeoutMs) {
        HikariConfig hikari = new HikariConfig();
        if (config.isSqlite()) {
            hikari.setDataSource(sqlite(config.sqliteFile()));
        } else {
            hikari.setJdbcUrl(config.url());
            config.user().ifPresent(hikari::setUsername);
            config.passwordFile().ifPresent(f -> hikari.setPassword(readPassword(f)));
        }
        hikari.setPoolName("hub-db");
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(connectionTimeoutMs);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, config.isSqlite()
                ? Path.of(config.sqliteFile().toAbsolutePath() + "-wal") : null);
    }

    private static DataSource sqlite(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(WAL_AUTOCHECKPOINT_PAGES));
        // Nothing reads generated keys; with this on, xerial prepares an extra statement after every INSERT.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database password file " + file, e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Whether this is SQLite (else PostgreSQL). */
    public boolean isSqlite() {
        return wal != null;
    }

    @Override
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            begin(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Starts a transaction on a pooled connection. When SQLite's BEGIN IMMEDIATE fails (SQLITE_BUSY: another writer held
     * the lock past the busy timeout), xerial still marks the connection as inside a transaction, so the next transaction
     * on it would silently run in auto-commit mode and fail at its commit: such a connection is never reused.
     */
    void begin(Connection c) throws SQLException {
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            evict(c);
            throw e;
        }
    }

    /** Takes {@code c} out of the pool for good: it is in a state that others must not inherit. */
    void evict(Connection c) {
        pool.evictConnection(c);
    }

    /**
     * A connection for one thread to keep across transactions, with its prepared statements cached (see
     * {@link HeldConnection}); given back after at most {@code maxHoldMillis}, or when its owner releases it.
     */
    public HeldConnection hold(long maxHoldMillis) {
        return new HeldConnection(this, maxHoldMillis, false);
    }

    /**
     * Like {@link #hold}, but on SQLite the held connection's commits do not wait for the disk ({@code synchronous=NORMAL}):
     * a commit writes its WAL frames to the operating system, which keeps them across a crash of the hub but not across a
     * power cut, until {@link #syncCommitted} (or a checkpoint) writes them to disk. For the tap writer, which answers a tap
     * at its commit and acknowledges it to the broker only after the sync. The connection goes back to the pool with
     * {@code synchronous=FULL} again.
     */
    public HeldConnection holdDeferringSync(long maxHoldMillis) {
        return new HeldConnection(this, maxHoldMillis, true);
    }

    /**
     * Makes every transaction committed so far durable. Only commits of a {@link #holdDeferringSync} connection wait for it
     * (SQLite: one {@code fdatasync} of the WAL, which covers every commit before it, whichever connection wrote it); the
     * others, and every commit on PostgreSQL, are on disk when they return. Thread-safe; blocks on the disk.
     *
     * @throws IOException when the disk refuses: those commits are in SQLite but may not survive a power cut
     */
    public void syncCommitted() throws IOException {
        if (wal == null) {
            return;
        }
        try (FileChannel log = FileChannel.open(wal, StandardOpenOption.WRITE)) {
            log.force(false);
        } catch (NoSuchFileException gone) {
            // SQLite deletes its WAL only once all of it is in the database file, synced: nothing is due.
        }
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode. */
    public <T> T withConnection(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    /** Whether a connection answers within a second. Never throws. */
    public boolean isHealthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A unit of database work. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
