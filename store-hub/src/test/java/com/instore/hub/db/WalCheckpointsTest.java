package com.instore.hub.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Background WAL checkpoints beside a writer that holds its connection, on a real SQLite file. */
class WalCheckpointsTest {
    @TempDir
    Path dir;

    @Test
    void start_sqlite_copiesWhatTheWriterCommittedIntoTheDatabaseFile_whileTheWriterKeepsItsConnection() throws Exception {
        try (Database db = TestDb.SQLITE.open(dir); HeldConnection writer = db.hold(60_000)) {
            db.withConnection(c -> Sql.update(c, "CREATE TABLE w (k VARCHAR(20) PRIMARY KEY, pad VARCHAR(2000))"));
            Path file = databaseFile();
            TestDb.walFrames(db); // everything so far in the database file
            long before = Files.size(file);

            writer.inTransaction(c -> {
                for (int i = 0; i < 500; i++) {
                    Sql.update(c, "INSERT INTO w (k, pad) VALUES (?, ?)", "k" + i, "x".repeat(2_000));
                }
                return null;
            });
            long committed = Files.size(file);
            try (WalCheckpoints wal = WalCheckpoints.start(db, Duration.ofMillis(10))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(file) > before + 900_000);
            }

            assertThat(committed).as("a commit leaves its pages in the WAL").isEqualTo(before);
            long rows = writer.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM w"));
            assertThat(rows).isEqualTo(500);
        }
    }

    private Path databaseFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".db")).findFirst().orElseThrow();
        }
    }
}
