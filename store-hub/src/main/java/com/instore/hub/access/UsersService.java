package com.instore.hub.access;

import com.instore.protocol.InvalidMessageException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.SQLException;
import java.util.Map;

/**
 * Admin routes (the role check is {@link AccessFilter}'s, which also audits every change): {@code GET/POST /api/users}
 * (without a password, one is generated and shown once), {@code DELETE /api/users/{name}}, {@code PUT
 * /api/users/{name}/role}, {@code POST /api/users/{name}/password} (a new random password, shown once), {@code POST
 * /api/users/{name}/disable|enable|unlock}, {@code POST /api/tokens} (an API token for scripts, shown once). A change that
 * would leave no enabled admin gets 409.
 */
final class UsersService implements HttpService {
    record NewUser(String username, String role, String password) {
    }

    record NewToken(String name, String role) {
    }

    record RoleChange(String role) {
    }

    /** One change to a named user. */
    @FunctionalInterface
    private interface Change {
        Object apply(String username) throws SQLException, Users.Refused;
    }

    private final Users users;
    private final Sessions sessions;

    UsersService(Users users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/users", (req, res) -> Replies.json(res, Status.OK_200, users.list()))
                .post("/api/users", this::create)
                .delete("/api/users/{name}", (req, res) -> change(req, res, u -> {
                    users.delete(u);
                    return Map.of("username", u, "deleted", true);
                }))
                .put("/api/users/{name}/role", this::role)
                .post("/api/users/{name}/password", (req, res) -> change(req, res,
                        u -> Map.of("username", u, "password", users.resetPassword(u))))
                .post("/api/users/{name}/disable", (req, res) -> change(req, res, u -> {
                    users.setDisabled(u, true);
                    return Map.of("username", u, "disabled", true);
                }))
                .post("/api/users/{name}/enable", (req, res) -> change(req, res, u -> {
                    users.setDisabled(u, false);
                    return Map.of("username", u, "disabled", false);
                }))
                .post("/api/users/{name}/unlock", (req, res) -> change(req, res, u -> {
                    users.unlock(u);
                    return Map.of("username", u, "locked", false);
                }))
                .post("/api/tokens", this::token);
    }

    private void create(ServerRequest req, ServerResponse res) throws SQLException {
        try {
            NewUser u = Replies.JSON.decode(req.content().as(byte[].class), NewUser.class);
            boolean generated = u.password() == null || u.password().isEmpty();
            String password = generated ? com.instore.hub.secrets.SecretFile.newSecret() : u.password();
            users.create(u.username(), Role.parse(u.role()), password);
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("username", u.username(), "role",
                    Role.parse(u.role())));
            if (generated) {
                body.put("password", password);
            }
            Replies.json(res, Status.CREATED_201, body);
        } catch (InvalidMessageException | IllegalArgumentException | NullPointerException e) {
            Replies.error(res, Status.BAD_REQUEST_400, "need {username, role: staff|operator|admin, password (12+, or none: one is generated)}: "
                    + e.getMessage());
        }
    }

    private void role(ServerRequest req, ServerResponse res) throws SQLException {
        Role role;
        try {
            role = Role.parse(Replies.JSON.decode(req.content().as(byte[].class), RoleChange.class).role());
        } catch (InvalidMessageException | IllegalArgumentException | NullPointerException e) {
            Replies.error(res, Status.BAD_REQUEST_400, "need {role: staff|operator|admin}");
            return;
        }
        change(req, res, u -> {
            users.setRole(u, role);
            return Map.of("username", u, "role", role);
        });
    }

    private void change(ServerRequest req, ServerResponse res, Change change) throws SQLException {
        String name = req.path().pathParameters().get("name");
        try {
            Replies.json(res, Status.OK_200, change.apply(name));
        } catch (Users.Refused e) {
            Replies.error(res, e.missing ? Status.NOT_FOUND_404 : Status.CONFLICT_409, e.getMessage());
        }
    }

    private void token(ServerRequest req, ServerResponse res) throws SQLException {
        Principal admin = req.context().get(Principal.class).orElseThrow();
        try {
            NewToken t = Replies.JSON.decode(req.content().as(byte[].class), NewToken.class);
            if (t.name() == null || !t.name().matches("[a-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("token names are 1-64 of a-z 0-9 _ . -");
            }
            String token = sessions.issueToken(t.name(), admin.name(), Role.parse(t.role()));
            Replies.json(res, Status.CREATED_201, Map.of("name", t.name(), "role", Role.parse(t.role()), "token", token));
        } catch (InvalidMessageException | IllegalArgumentException | NullPointerException e) {
            Replies.error(res, Status.BAD_REQUEST_400, "need {name, role: staff|operator|admin}: " + e.getMessage());
        }
    }
}
