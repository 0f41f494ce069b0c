package com.instore.hub.access;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Users with their role and Argon2id password hash, the lockout after repeated failures, and the admin's changes (role,
 * password reset, disable, unlock, delete) which never leave the hub without an enabled admin. Blocking (database);
 * thread-safe; each change is one transaction.
 */
final class Users {
    /** A user as the admin pages list them: never the hash. */
    record User(String username, Role role, boolean locked, boolean disabled) {
    }

    /** A change refused because it would leave no enabled admin, or because there is no such user. */
    static final class Refused extends Exception {
        final boolean missing;

        Refused(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }
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

    /** Deletes the user and their sessions. */
    void delete(String username) throws SQLException, Refused {
        change(username, true, "DELETE FROM hub_users WHERE username = ?", username);
        endSessions(username);
    }

    void setRole(String username, Role role) throws SQLException, Refused {
        change(username, role != Role.ADMIN, "UPDATE hub_users SET role = ? WHERE username = ?", role.name(), username);
    }

    /** Disables (sessions end at once, logins refused) or enables the user. */
    void setDisabled(String username, boolean disabled) throws SQLException, Refused {
        change(username, disabled, "UPDATE hub_users SET disabled = ? WHERE username = ?", disabled, username);
        if (disabled) {
            endSessions(username);
        }
    }

    /** A new random password (returned once, kept only as its hash); also lifts a lockout. */
    String resetPassword(String username) throws SQLException, Refused {
        String password = com.instore.hub.secrets.SecretFile.newSecret();
        change(username, false, "UPDATE hub_users SET password_hash = ?, failures = 0, locked_until_ms = 0"
                + " WHERE username = ?", Passwords.hash(password), username);
        return password;
    }

    void unlock(String username) throws SQLException, Refused {
        change(username, false, "UPDATE hub_users SET failures = 0, locked_until_ms = 0 WHERE username = ?", username);
    }

    /**
     * Runs {@code sql} on one user in a transaction; when {@code mayRemoveAdmin}, refuses it if it would leave no enabled
     * admin (checked after the change, then rolled back).
     */
    private void change(String username, boolean mayRemoveAdmin, String sql, Object... args) throws SQLException, Refused {
        String outcome;
        try {
            outcome = db.inTransaction(c -> {
                if (Sql.update(c, sql, args) != 1) {
                    return "missing";
                }
                if (mayRemoveAdmin && Sql.count(c, "SELECT COUNT(*) FROM hub_users WHERE role = ? AND disabled = ?",
                        Role.ADMIN.name(), false) == 0) {
                    throw new LastAdmin();
                }
                return "ok";
            });
        } catch (LastAdmin e) {
            throw new Refused(e.getMessage(), false);
        }
        if (outcome.equals("missing")) {
            throw new Refused("no user " + username, true);
        }
    }

    /** Thrown inside the transaction so that it rolls back; turned into {@link Refused}. */
    private static final class LastAdmin extends RuntimeException {
        LastAdmin() {
            super("this would leave the hub without an enabled admin", null, false, false);
        }
    }

    private void endSessions(String username) throws SQLException {
        db.withConnection(c -> Sql.update(c, "DELETE FROM hub_sessions WHERE username = ?", username));
    }

    List<User> list() throws SQLException {
        long now = clock.millis();
        return db.withConnection(c -> Sql.list(c, "SELECT username, role, locked_until_ms, disabled FROM hub_users"
                + " ORDER BY username", rs -> new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getLong(3) > now,
                rs.getBoolean(4))));
    }

    Optional<Role> role(String username) throws SQLException {
        return db.withConnection(c -> Sql.one(c, "SELECT role FROM hub_users WHERE username = ? AND disabled = ?",
                rs -> Role.valueOf(rs.getString(1)), username, false));
    }

    /** Checks a password; counts failures and locks the account after {@code maxFailures} in a row. */
    Login login(String username, String password) throws SQLException {
        record Row(String hash, int failures, long lockedUntil) {
        }
        Optional<Row> row = db.withConnection(c -> Sql.one(c, "SELECT password_hash, failures, locked_until_ms"
                + " FROM hub_users WHERE username = ? AND disabled = ?", rs -> new Row(rs.getString(1), rs.getInt(2),
                rs.getLong(3)), username, false));
        if (row.isEmpty()) {
            Passwords.hash(password); // same work as a real check: no hint that the user does not exist or is disabled
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
