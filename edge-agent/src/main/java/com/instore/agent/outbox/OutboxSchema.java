package com.instore.agent.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox's one table, versioned with SQLite's {@code PRAGMA user_version} (0 in a new file). The agent used Flyway
 * for it until 2026-11: 0.08 s of every kiosk start and 420 classes in its AOT cache for one {@code CREATE TABLE}
 * (bench/BENCHMARKS.md, "Agent footprint"). Files Flyway created keep their table (the statement
 * below leaves it alone) and their {@code flyway_schema_history} table, which nothing reads any more.
 */
final class OutboxSchema {
    /** The version this agent writes; a file from a newer agent is refused (its taps stay in it), never rewritten. */
    static final int VERSION = 1;

    private static final String V1 = """
            CREATE TABLE IF NOT EXISTS outbox (
                -- The TapEvent's seq. AUTOINCREMENT keeps the highest seq ever stored in sqlite_sequence even after
                -- every row is deleted, so the numbering continues after a restart instead of starting again at 1.
                seq       INTEGER PRIMARY KEY AUTOINCREMENT,
                -- The idempotency key the hub dedupes by; unique so that storing the same tap twice keeps one row.
                tap_id    TEXT    NOT NULL UNIQUE,
                -- The encoded TapEvent, byte for byte what is published.
                payload   BLOB    NOT NULL,
                -- queued: never handed to the broker; sent: published at least once, PUBACK not seen yet;
                -- unreadable: the payload no longer decodes (kept for a human, never deleted, never sent).
                state     TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'unreadable')),
                attempts  INTEGER NOT NULL DEFAULT 0,
                stored_at TEXT    NOT NULL
            )""";

    private OutboxSchema() {
    }

    /** Brings the file on {@code c} to {@link #VERSION} in one transaction. */
    static void apply(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            int version = version(st);
            if (version > VERSION) {
                throw new SQLException("the outbox file was written by a newer agent (schema " + version
                        + ", this agent knows " + VERSION + ")");
            }
            if (version < 1) {
                st.executeUpdate(V1);
                st.executeUpdate("PRAGMA user_version = 1");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static int version(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
