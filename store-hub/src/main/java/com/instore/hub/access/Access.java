package com.instore.hub.access;

import com.instore.hub.audit.AuditLog;
import com.instore.hub.db.Database;
import com.instore.hub.secrets.SecretFile;
import io.helidon.webserver.http.HttpRouting;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users, roles, sessions, API tokens and the one access check in front of every route. At the first start (no user yet)
 * it creates {@code admin} with a random password, prints it once and writes it to {@link AccessConfig#adminPasswordFile()}
 * (owner-only): there is no default password.
 */
public final class Access {
    private static final System.Logger LOG = System.getLogger(Access.class.getName());

    private final AccessFilter filter;
    private final LoginService login;
    private final UsersService usersService;

    private Access(AccessFilter filter, LoginService login, UsersService usersService) {
        this.filter = filter;
        this.login = login;
        this.usersService = usersService;
    }

    /**
     * Opens the access layer. {@code tokenFiles}: bootstrap API tokens kept in owner-only files of the data directory
     * (api.secret for tills, operator.token for provisioning scripts), created when missing; their holders are operators,
     * checked and audited like any other API token (as {@code file:<name>}).
     */
    public static Access open(AccessConfig config, Database db, Clock clock, String storeName,
                              List<Path> tokenFiles, AuditLog audit) throws SQLException {
        Users users = new Users(db, clock, config);
        createFirstAdmin(users, config.adminPasswordFile());
        Sessions sessions = new Sessions(db, users, clock, config);
        Map<String, String> shared = new HashMap<>();
        for (Path file : tokenFiles) {
            shared.put(SecretFile.sha256Hex(SecretFile.readOrCreate(file)), "file:" + file.getFileName());
        }
        return new Access(new AccessFilter(sessions, shared, audit),
                new LoginService(users, sessions, config, storeName, audit), new UsersService(users, sessions));
    }

    private static void createFirstAdmin(Users users, Path passwordFile) throws SQLException {
        if (!users.isEmpty()) {
            return;
        }
        String password = SecretFile.readOrCreate(passwordFile);
        users.create("admin", Role.ADMIN, password);
        System.out.println("store hub: first start: created user 'admin' with password " + password
                + " (also in " + passwordFile.toAbsolutePath() + ", readable by its owner only)");
        LOG.log(System.Logger.Level.INFO, "created the first admin; password in {0}", passwordFile.toAbsolutePath());
    }

    /** Adds the access check in front of every route, and the login, logout, me and users routes. */
    public void register(HttpRouting.Builder routing) {
        routing.addFilter(filter).register(login).register(usersService);
    }
}
