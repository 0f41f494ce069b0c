package com.instore.hub.access;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import com.instore.hub.secrets.SecretFile;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Browser sessions and API tokens, both kept only as SHA-256 of the random token. Sessions live in the database so a
 * tablet's dashboard reconnects by itself after a hub restart. Blocking (database); thread-safe.
 */
final class Sessions {
    private final Database db;
    private final Users users;
    private final Clock clock;
    private final AccessConfig config;

    Sessions(Database db, Users users, Clock clock, AccessConfig config) {
        this.db = db;
        this.users = users;
        this.clock = clock;
        this.config = config;
    }

    /** A new session for {@code username}; returns the cookie value. */
    String open(String username) throws SQLException {
        String token = SecretFile.newSecret();
        long now = clock.millis();
        db.withConnection(c -> {
            Sql.update(c, "DELETE FROM hub_sessions WHERE expires_ms < ?", now);
            return Sql.update(c, "INSERT INTO hub_sessions (token_sha256, username, csrf, expires_ms) VALUES (?, ?, ?, ?)",
                    SecretFile.sha256Hex(token), username, SecretFile.newSecret(), now + config.sessionTtl().toMillis());
        });
        return token;
    }

    void close(String token) throws SQLException {
        db.withConnection(c -> Sql.update(c, "DELETE FROM hub_sessions WHERE token_sha256 = ?", SecretFile.sha256Hex(token)));
    }

    /** The session's user, with the role they have now (a changed role applies at once). */
    Optional<Principal> session(String token) throws SQLException {
        record Row(String user, String csrf) {
        }
        Optional<Row> row = db.withConnection(c -> Sql.one(c, "SELECT username, csrf FROM hub_sessions"
                        + " WHERE token_sha256 = ? AND expires_ms > ?", rs -> new Row(rs.getString(1), rs.getString(2)),
                SecretFile.sha256Hex(token), clock.millis()));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return users.role(row.get().user()).map(role -> new Principal(row.get().user(), role, row.get().csrf()));
    }

    /** A new API token acting as {@code username} with {@code role}; returns the token (shown once). */
    String issueToken(String name, String username, Role role) throws SQLException {
        String token = "hub_" + SecretFile.newSecret();
        db.withConnection(c -> Sql.update(c, "INSERT INTO api_tokens (token_sha256, name, username, role, created_ms)"
                + " VALUES (?, ?, ?, ?, ?)", SecretFile.sha256Hex(token), name, username, role.name(), clock.millis()));
        return token;
    }

    Optional<Principal> token(String token) throws SQLException {
        return db.withConnection(c -> Sql.one(c, "SELECT name, role FROM api_tokens WHERE token_sha256 = ?",
                rs -> new Principal("token:" + rs.getString(1), Role.valueOf(rs.getString(2)), ""),
                SecretFile.sha256Hex(token)));
    }
}
