package com.instore.hub.access;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Users with their role and Argon2id password hash, and the lockout after repeated failures. Blocking (database);
 * thread-safe.
 */
final class Users {
    /** A user as the admin pages list them: never the hash. */
    record User(String username, Role role, boolean locked) {
    }

    /** Why a login failed or succeeded. */
    enum Login { OK, WRONG, LOCKED }

    private final Database db;
    private final Clock clock;
    private final AccessConfig config;

    Users(Database db, Clock clock, AccessConfig config) {
        this.db = db;
        this.clock = clock;
        this.config = config;
    }

    boolean isEmpty() throws SQLException {
        return db.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM hub_users")) == 0;
    }

    void create(String username, Role role, String password) throws SQLException {
        requireValid(username, password);
        db.withConnection(c -> Sql.update(c, "INSERT INTO hub_users (username, role, password_hash, created_ms)"
                + " VALUES (?, ?, ?, ?)", username, role.name(), Passwords.hash(password), clock.millis()));
    }

    boolean delete(String username) throws SQLException {
        return db.withConnection(c -> Sql.update(c, "DELETE FROM hub_users WHERE username = ?", username)) == 1;
    }

    List<User> list() throws SQLException {
        long now = clock.millis();
        return db.withConnection(c -> Sql.list(c, "SELECT username, role, locked_until_ms FROM hub_users ORDER BY username",
                rs -> new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getLong(3) > now)));
    }

    Optional<Role> role(String username) throws SQLException {
        return db.withConnection(c -> Sql.one(c, "SELECT role FROM hub_users WHERE username = ?",
                rs -> Role.valueOf(rs.getString(1)), username));
    }

    /** Checks a password; counts failures and locks the account after {@code maxFailures} in a row. */
    Login login(String username, String password) throws SQLException {
        record Row(String hash, int failures, long lockedUntil) {
        }
        Optional<Row> row = db.withConnection(c -> Sql.one(c, "SELECT password_hash, failures, locked_until_ms"
                + " FROM hub_users WHERE username = ?", rs -> new Row(rs.getString(1), rs.getInt(2), rs.getLong(3)), username));
        if (row.isEmpty()) {
            Passwords.hash(password); // same work as a real check: no timing hint that the user does not exist
            return Login.WRONG;
        }
        if (row.get().lockedUntil() > clock.millis()) {
            return Login.LOCKED;
        }
        boolean ok = Passwords.matches(password, row.get().hash());
        int failures = ok ? 0 : row.get().failures() + 1;
        long lockedUntil = failures >= config.maxFailures() ? clock.millis() + config.lockout().toMillis() : 0;
        db.withConnection(c -> Sql.update(c, "UPDATE hub_users SET failures = ?, locked_until_ms = ? WHERE username = ?",
                failures >= config.maxFailures() ? 0 : failures, lockedUntil, username));
        return ok ? Login.OK : lockedUntil > 0 ? Login.LOCKED : Login.WRONG;
    }

    static void requireValid(String username, String password) {
        if (username == null || !username.matches("[a-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("user names are 1-64 of a-z 0-9 _ . -");
        }
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("passwords have at least 12 characters");
        }
    }
}
