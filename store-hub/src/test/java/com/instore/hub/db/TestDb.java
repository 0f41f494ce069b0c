package com.instore.hub.db;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The databases every test of issue 5 runs against: SQLite (a file in the test's directory) and PostgreSQL (a fresh
 * database on the throwaway cluster that {@code .ci/setup-test-env} starts). The cluster's JDBC URL comes from the
 * system property {@code hub.test.postgres.url}, the environment variable {@code HUB_TEST_POSTGRES_URL} or the file
 * {@code /tmp/instore-test-postgres/jdbc.url}; without one, a PostgreSQL run is skipped with a message saying so.
 */
public enum TestDb {
    SQLITE,
    POSTGRES;

    static final Path URL_FILE = Path.of("/tmp/instore-test-postgres/jdbc.url");
    private static volatile boolean skipAnnounced;

    /** A fresh, empty database of this kind (skips the test when PostgreSQL is not available). */
    public DbConfig fresh(Path dir) {
        if (this == SQLITE) {
            return DbConfig.sqlite(dir.resolve("hub-" + UUID.randomUUID() + ".db"));
        }
        Optional<String> cluster = clusterUrl();
        if (cluster.isEmpty()) {
            announceSkip();
        }
        Assumptions.assumeTrue(cluster.isPresent(), "PostgreSQL run skipped: no throwaway PostgreSQL cluster "
                + "(install postgresql and run .ci/setup-test-env, or set hub.test.postgres.url)");
        return createDatabase(cluster.get());
    }

    public Database open(Path dir) {
        return Database.open(fresh(dir));
    }

    /** How many frames a SQLite database's WAL holds now (read from a passive checkpoint's answer: it checkpoints too). */
    public static long walFrames(Database db) throws SQLException {
        return db.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                rs.next();
                return rs.getLong(2);
            }
        });
    }

    static Optional<String> clusterUrl() {
        String url = System.getProperty("hub.test.postgres.url", System.getenv("HUB_TEST_POSTGRES_URL"));
        if (url == null && Files.isReadable(URL_FILE)) {
            try {
                url = Files.readString(URL_FILE).strip();
            } catch (IOException e) {
                url = null;
            }
        }
        return Optional.ofNullable(url).filter(u -> u.startsWith("jdbc:postgresql:")).filter(TestDb::reachable);
    }

    private static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static DbConfig createDatabase(String clusterUrl) {
        String name = "hub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(clusterUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + clusterUrl + ": " + e.getMessage(), e);
        }
        int query = clusterUrl.indexOf('?');
        String base = query < 0 ? clusterUrl : clusterUrl.substring(0, query);
        String params = query < 0 ? "" : clusterUrl.substring(query);
        String url = base.substring(0, base.lastIndexOf('/') + 1) + name + params;
        return new DbConfig(url, Optional.empty(), Optional.empty(), 8);
    }

    private static void announceSkip() {
        if (!skipAnnounced) {
            skipAnnounced = true;
            System.err.println("*** PostgreSQL run SKIPPED: no throwaway PostgreSQL cluster found (see TestDb). "
                    + "Only the SQLite runs of the issue-5 tests ran. ***");
        }
    }
}
