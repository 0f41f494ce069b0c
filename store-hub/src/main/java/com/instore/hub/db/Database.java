package com.instore.hub.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The hub's database: SQLite in WAL mode behind a HikariCP pool, schema by Flyway ({@code db/migration}).
 * <p>
 * {@code synchronous=FULL}: the hub acknowledges a tap to the broker only after its row is committed, so a commit must be on
 * disk when it returns, even across a power cut (the store hub is a small box that gets unplugged). In WAL mode FULL costs
 * one fsync of the WAL per commit, well inside the tap budget at kiosk tap rates; NORMAL could lose the last committed taps
 * after they were acknowledged. Thread-safe; {@link #inTransaction} blocks on the database.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) {@code file}, migrates it to the latest schema. */
    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite(file));
        hikari.setPoolName("hub-db");
        hikari.setMaximumPoolSize(4);
        hikari.setConnectionTimeout(5_000);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    private static DataSource sqlite(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
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
