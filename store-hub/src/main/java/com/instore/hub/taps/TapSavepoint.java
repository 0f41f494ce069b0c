package com.instore.hub.taps;

import com.instore.hub.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * The savepoint around one tap of a batch. On SQLite it is plain SQL ({@code SAVEPOINT tap}), which the writer's held
 * connection prepares once: xerial's {@code setSavepoint}/{@code releaseSavepoint} format a new name and prepare and
 * finalize a statement for each call, twice per tap. On PostgreSQL it is JDBC's savepoint API. Writer thread only.
 */
final class TapSavepoint {
    private final boolean sqlite;
    private Savepoint jdbc;

    TapSavepoint(boolean sqlite) {
        this.sqlite = sqlite;
    }

    void set(Connection c) throws SQLException {
        if (sqlite) {
            Sql.update(c, "SAVEPOINT tap");
        } else {
            jdbc = c.setSavepoint();
        }
    }

    /** Keeps what the tap did (in the batch's transaction). */
    void release(Connection c) throws SQLException {
        if (sqlite) {
            Sql.update(c, "RELEASE SAVEPOINT tap");
        } else {
            c.releaseSavepoint(jdbc);
        }
    }

    /** Undoes what the tap did, and only that. */
    void rollback(Connection c) throws SQLException {
        if (sqlite) {
            Sql.update(c, "ROLLBACK TO SAVEPOINT tap");
            Sql.update(c, "RELEASE SAVEPOINT tap"); // ROLLBACK TO leaves the savepoint open
        } else {
            c.rollback(jdbc);
        }
    }
}
