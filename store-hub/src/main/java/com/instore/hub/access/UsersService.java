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
 * Admin routes (the role check is {@link AccessFilter}'s): {@code GET/POST /api/users}, {@code DELETE /api/users/{name}},
 * {@code POST /api/tokens} (an API token for scripts, shown once).
 */
final class UsersService implements HttpService {
    record NewUser(String username, String role, String password) {
    }

    record NewToken(String name, String role) {
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
                .delete("/api/users/{name}", this::delete)
                .post("/api/tokens", this::token);
    }

    private void create(ServerRequest req, ServerResponse res) throws SQLException {
        try {
            NewUser u = Replies.JSON.decode(req.content().as(byte[].class), NewUser.class);
            users.create(u.username(), Role.parse(u.role()), u.password());
            Replies.json(res, Status.CREATED_201, Map.of("username", u.username(), "role", Role.parse(u.role())));
        } catch (InvalidMessageException | IllegalArgumentException | NullPointerException e) {
            Replies.error(res, Status.BAD_REQUEST_400, "need {username, role: staff|operator|admin, password (12+)}: "
                    + e.getMessage());
        }
    }

    private void delete(ServerRequest req, ServerResponse res) throws SQLException {
        String name = req.path().pathParameters().get("name");
        if (users.delete(name)) {
            res.status(Status.NO_CONTENT_204).send();
        } else {
            Replies.error(res, Status.NOT_FOUND_404, "no user " + name);
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
