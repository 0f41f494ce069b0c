package com.instore.hub.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite's WAL checkpoints: never in the hub's commits, always on the checkpoint thread (real SQLite files). */
class CheckpointsTest {
    @TempDir
    Path dir;

    @Test
    void hubConnections_neverCheckpointInTheirCommits() throws Exception {
        try (Database db = Database.open(dir.resolve("hub.db"))) {
            long autoCheckpoint = db.withConnection(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(autoCheckpoint).isZero();
        }
    }

    @Test
    void whileTheHubRuns_committedPagesReachTheDatabaseFileWithinSeconds() throws Exception {
        Path file = dir.resolve("hub.db");
        try (Database db = Database.open(file)) {
            long before = Files.size(file);
            db.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE filler (n INTEGER PRIMARY KEY, data BLOB NOT NULL)");
                    return st.executeUpdate("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 2000)"
                            + " INSERT INTO filler SELECT n, randomblob(1024) FROM s");
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Files.size(file) < before + 2_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // Without the checkpoint thread the 2 MB would stay in the WAL until the last connection closed.
            assertThat(Files.size(file)).isGreaterThanOrEqualTo(before + 2_000_000);
        }
    }

    @Test
    void run_leavesFramesAReaderStillUses_andCopiesThemOnceItIsDone() throws Exception {
        Path file = dir.resolve("hub.db");
        try (Database db = Database.open(file);
             Checkpoints checkpoints = Checkpoints.start(db.dataSource(), Duration.ofHours(1));
             Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.withConnection(c -> Sql.update(c, "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
            assertThat(checkpoints.run()).isZero();
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next(); // the reader's snapshot predates the rows below
            }
            for (int i = 0; i < 50; i++) {
                int k = i;
                db.inTransaction(c -> Sql.update(c, "INSERT INTO t (k, v) VALUES (?, ?)", k, "row " + k));
            }

            assertThat(checkpoints.run()).as("frames the open read transaction may still need").isPositive();
            reader.commit();
            assertThat(checkpoints.run()).isZero();
        }
    }
}
