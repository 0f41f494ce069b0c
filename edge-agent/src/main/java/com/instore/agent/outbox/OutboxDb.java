package com.instore.agent.outbox;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's SQL, on two connections to one SQLite file in WAL mode.
 * <p>
 * Inserts go through {@code durable}, opened with {@code synchronous=FULL}: in WAL mode that fsyncs the WAL at every
 * commit, so a tap whose insert returned is on the disk and survives {@code kill -9} and a power cut (as far as the
 * storage honours fsync). NORMAL would only fsync at checkpoints and could lose the last taps on a power cut after the
 * shopper was told "your visit is recorded".
 * <p>
 * Deletes (hub's answer seen) and state changes go through {@code relaxed}, {@code synchronous=NORMAL}: still atomic and never
 * corrupting, but not fsync'd one by one. Losing one to a power cut only means the tap is published again, which the hub
 * dedupes by tap id; in exchange a drain of 50,000 taps does not pay 50,000 fsyncs.
 * <p>
 * Not thread-safe: {@link SqliteOutbox} serialises every call.
 */
final class OutboxDb implements AutoCloseable {
    private final Connection durable;
    private final Connection relaxed;

    private OutboxDb(Connection durable, Connection relaxed) {
        this.durable = durable;
        this.relaxed = relaxed;
    }

    /**
     * Opens (creating the directory and the file if needed) and migrates the outbox ({@link OutboxSchema}). Blocking.
     *
     * @throws SQLException or IOException when the file cannot be created, opened or migrated
     */
    static OutboxDb open(Path file) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Connection durable = dataSource(file, SQLiteConfig.SynchronousMode.FULL).getConnection();
        try {
            OutboxSchema.apply(durable);
            return new OutboxDb(durable, dataSource(file, SQLiteConfig.SynchronousMode.NORMAL).getConnection());
        } catch (SQLException e) {
            durable.close();
            throw e;
        }
    }

    // Statements are prepared per call (microseconds, against a millisecond fsync): a statement that failed with
    // SQLITE_FULL is left unusable by the driver, while a fresh one works as soon as the disk has room again.
    private static void bind(PreparedStatement st, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            st.setObject(i + 1, values[i]);
        }
    }

    private static SQLiteDataSource dataSource(Path file, SQLiteConfig.SynchronousMode synchronous) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous);
        config.setBusyTimeout(5_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /** Stores a tap and fsyncs; false when a tap with this id is already stored. */
    boolean insert(long seq, String tapId, byte[] payload) throws SQLException {
        try (PreparedStatement st = durable.prepareStatement("INSERT INTO outbox (seq, tap_id, payload, stored_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (tap_id) DO NOTHING")) {
            bind(st, seq, tapId, payload, Instant.now().toString());
            return st.executeUpdate() == 1;
        }
    }

    /** The stored payload, now marked sent; empty when the row is gone. */
    Optional<byte[]> take(long seq) throws SQLException {
        byte[] payload;
        try (PreparedStatement st = relaxed.prepareStatement("SELECT payload FROM outbox WHERE seq = ?")) {
            bind(st, seq);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                payload = rs.getBytes(1);
            }
        }
        update("UPDATE outbox SET state = 'sent', attempts = attempts + 1 WHERE seq = ?", seq);
        return Optional.of(payload);
    }

    /** The seq of the tap with this id, if it is still stored. */
    Optional<Long> seqOf(String tapId) throws SQLException {
        try (PreparedStatement st = relaxed.prepareStatement("SELECT seq FROM outbox WHERE tap_id = ?")) {
            bind(st, tapId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    void delete(long seq) throws SQLException {
        update("DELETE FROM outbox WHERE seq = ?", seq);
    }

    void markUnreadable(long seq) throws SQLException {
        update("UPDATE outbox SET state = 'unreadable' WHERE seq = ?", seq);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement st = relaxed.prepareStatement(sql)) {
            bind(st, values);
            st.executeUpdate();
        }
    }

    /** The seqs of every tap still to deliver, oldest first. */
    List<Long> waiting() throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Statement st = relaxed.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq FROM outbox WHERE state <> 'unreadable' ORDER BY seq")) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }

    int unreadable() throws SQLException {
        return (int) single("SELECT count(*) FROM outbox WHERE state = 'unreadable'");
    }

    /** The highest seq ever stored, even if its row is gone (0 for a new outbox). */
    long highestSeq() throws SQLException {
        return single("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0), "
                + "coalesce((SELECT max(seq) FROM outbox), 0))");
    }

    private long single(String sql) throws SQLException {
        try (Statement st = relaxed.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : List.of(relaxed, durable)) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing what is left: nothing more can be done.
            }
        }
    }
}
