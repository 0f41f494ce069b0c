package com.instore.hub.access;

import com.instore.hub.audit.AuditLog;
import com.instore.hub.secrets.SecretFile;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * {@code GET /login}: the form. {@code POST /login}: checks the password (lockout after repeated failures), opens a
 * session (cookie HttpOnly, SameSite=Strict, Secure on HTTPS) and redirects. {@code POST /logout}. {@code GET /api/me}: who
 * is logged in, with the session's CSRF token for the pages' scripts. The login form's CSRF is a double-submit cookie.
 */
final class LoginService implements HttpService {
    private static final String LOGIN_CSRF = "hub_login_csrf";

    private final Users users;
    private final Sessions sessions;
    private final AccessConfig config;
    private final String storeName;
    private final AuditLog audit;

    LoginService(Users users, Sessions sessions, AccessConfig config, String storeName, AuditLog audit) {
        this.users = users;
        this.sessions = sessions;
        this.config = config;
        this.storeName = storeName;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/login", this::form)
                .post("/login", this::login)
                .post("/logout", this::logout)
                .get("/api/me", this::me);
    }

    private void form(ServerRequest req, ServerResponse res) {
        page(req, res, Status.OK_200, req.query().first("next").orElse("/"), "");
    }

    private void page(ServerRequest req, ServerResponse res, Status status, String next, String error) {
        String csrf = SecretFile.newSecret();
        res.headers().addCookie(cookie(req, LOGIN_CSRF, csrf, Duration.ofHours(1)));
        res.status(status);
        res.headers().contentType(MediaTypes.TEXT_HTML);
        res.send(LoginPage.render(storeName, csrf, next, error));
    }

    private void login(ServerRequest req, ServerResponse res) throws SQLException {
        Parameters form = req.content().as(Parameters.class);
        String next = safeNext(form.first("next").orElse("/"));
        String expected = req.headers().cookies().first(LOGIN_CSRF).orElse("");
        if (expected.isEmpty() || !SecretFile.sameHex(SecretFile.sha256Hex(expected),
                SecretFile.sha256Hex(form.first("csrf").orElse("")))) {
            page(req, res, Status.FORBIDDEN_403, next, "The form expired: please try again.");
            return;
        }
        String user = form.first("username").orElse("").strip();
        Users.Login result = users.login(user, form.first("password").orElse(""));
        audit.record(user.isEmpty() ? "-" : user, "LOGIN", result.name().toLowerCase(java.util.Locale.ROOT),
                result == Users.Login.OK ? 200 : 401);
        switch (result) {
            case OK -> {
                res.headers().addCookie(cookie(req, AccessFilter.COOKIE, sessions.open(user), config.sessionTtl()));
                res.status(Status.SEE_OTHER_303);
                res.headers().set(HeaderNames.LOCATION, next);
                res.send();
            }
            case LOCKED -> page(req, res, Status.UNAUTHORIZED_401, next, "Too many failed attempts: the account is locked for a"
                    + " while.");
            case WRONG -> page(req, res, Status.UNAUTHORIZED_401, next, "Wrong user or password.");
        }
    }

    private void logout(ServerRequest req, ServerResponse res) throws SQLException {
        var token = req.headers().cookies().first(AccessFilter.COOKIE);
        if (token.isPresent()) {
            sessions.close(token.get());
        }
        res.headers().addCookie(cookie(req, AccessFilter.COOKIE, "", Duration.ZERO));
        res.status(Status.SEE_OTHER_303);
        res.headers().set(HeaderNames.LOCATION, "/login");
        res.send();
    }

    private void me(ServerRequest req, ServerResponse res) {
        Principal p = req.context().get(Principal.class).orElseThrow();
        Replies.json(res, Status.OK_200, Map.of("name", p.name(), "role", p.role().name(), "csrf", p.csrf()));
    }

    /** HttpOnly, SameSite=Strict; Secure when the request came over HTTPS or the hub's public URL is HTTPS. */
    private SetCookie cookie(ServerRequest req, String name, String value, Duration maxAge) {
        return SetCookie.builder(name, value).path("/").httpOnly(true).sameSite(SetCookie.SameSite.STRICT)
                .secure(config.secureCookies() || req.isSecure()).maxAge(maxAge).build();
    }

    /** Only a local path: never an open redirect to another site. */
    static String safeNext(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }
}
