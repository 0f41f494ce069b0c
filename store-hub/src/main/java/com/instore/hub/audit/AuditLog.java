package com.instore.hub.audit;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The operators' audit log: who did what to which target, and how it ended (HTTP status). Written for every change made
 * through the REST API or the console (by the access layer, in one place) and for logins. A failure to write is logged,
 * never thrown at the caller. Blocking (database); thread-safe.
 */
public final class AuditLog {
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());

    /** One entry. */
    public record Entry(Instant at, String actor, String action, String target, int outcome) {
    }

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records an action; never throws. */
    public void record(String actor, String action, String target, int outcome) {
        try {
            db.withConnection(c -> Sql.update(c, "INSERT INTO audit_log (id, at_ms, actor, action, target, outcome)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), clock.millis(), clip(actor, 64),
                    clip(action, 16), clip(target, 400), outcome));
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the audit log", e);
        }
    }

    /** The last {@code limit} entries, newest first. */
    public List<Entry> recent(int limit) throws SQLException {
        return db.withConnection(c -> Sql.list(c, "SELECT at_ms, actor, action, target, outcome FROM audit_log"
                        + " ORDER BY at_ms DESC LIMIT ?", rs -> new Entry(Instant.ofEpochMilli(rs.getLong(1)),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)), limit));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
