package com.instore.hub.access;

import com.instore.hub.audit.AuditLog;
import com.instore.hub.secrets.SecretFile;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one access check in front of every route: finds the caller (session cookie, or an {@code Authorization: Bearer}
 * API token: a user's issued token or a bootstrap token file), looks up the role the route needs in {@link AccessPolicy}, and answers 401 (or a redirect to the login page for a
 * browser asking for a page), 403, or lets the request through with the {@link Principal} in the request context. Changes
 * made with a session cookie must carry the session's CSRF token in {@code X-CSRF-Token}. Blocking (database).
 */
final class AccessFilter implements Filter {
    static final String COOKIE = "hub_session";
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);

    private final Sessions sessions;
    /** SHA-256 of the bootstrap token files (api.secret, operator.token) to their principal's name: operators. */
    private final Map<String, String> tokenFiles;

    private final AuditLog audit;

    AccessFilter(Sessions sessions, Map<String, String> tokenFiles, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
        this.tokenFiles = Map.copyOf(tokenFiles);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<Role> required = AccessPolicy.required(req.prologue().method(), req.path().path());
        if (required.isEmpty()) {
            chain.proceed();
            return;
        }
        Optional<Principal> caller = caller(req);
        if (caller.isEmpty()) {
            refuseAnonymous(req, res);
        } else if (!caller.get().role().covers(required.get())) {
            Replies.error(res, Status.FORBIDDEN_403, "your role " + caller.get().role() + " may not do this");
        } else if (caller.get().browser() && !SAFE.contains(req.prologue().method()) && !csrfOk(req, caller.get())) {
            Replies.error(res, Status.FORBIDDEN_403, "missing or wrong CSRF token (X-CSRF-Token)");
        } else {
            req.context().register(caller.get());
            chain.proceed();
            if (AccessPolicy.audited(req.prologue().method(), req.path().path())) {
                audit.record(caller.get().name(), req.prologue().method().text(), auditTarget(req), res.status().code());
            }
        }
    }

    private Optional<Principal> caller(ServerRequest req) {
        try {
            String auth = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
            if (auth.startsWith("Bearer ")) {
                return bearer(auth.substring(7).strip());
            }
            Optional<String> cookie = req.headers().cookies().first(COOKIE).asOptional();
            return cookie.isEmpty() ? Optional.empty() : sessions.session(cookie.get());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sessions", e);
        }
    }

    private Optional<Principal> bearer(String token) throws SQLException {
        String sha = SecretFile.sha256Hex(token);
        for (Map.Entry<String, String> file : tokenFiles.entrySet()) {
            if (SecretFile.sameHex(file.getKey(), sha)) {
                return Optional.of(new Principal(file.getValue(), Role.OPERATOR, ""));
            }
        }
        return sessions.token(token);
    }

    /** The path and the names of the query parameters, never their values (a searched card UID stays out of the log). */
    private static String auditTarget(ServerRequest req) {
        var names = req.query().names();
        return names.isEmpty() ? req.path().path() : req.path().path() + "?" + String.join("&", new java.util.TreeSet<>(names));
    }

    private static boolean csrfOk(ServerRequest req, Principal caller) {
        String sent = req.headers().first(HeaderNames.create("X-CSRF-Token")).orElse("");
        return SecretFile.sameHex(SecretFile.sha256Hex(sent), SecretFile.sha256Hex(caller.csrf()));
    }

    private static void refuseAnonymous(ServerRequest req, RoutingResponse res) {
        boolean page = req.prologue().method() == Method.GET && !req.path().path().startsWith("/api/")
                && req.headers().first(HeaderNames.ACCEPT).orElse("").contains("text/html");
        if (page) {
            res.status(Status.SEE_OTHER_303);
            res.headers().set(HeaderNames.LOCATION, "/login?next=" + java.net.URLEncoder.encode(req.path().path(),
                    java.nio.charset.StandardCharsets.UTF_8));
            res.send();
            return;
        }
        res.headers().set(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"store-hub\"");
        Replies.error(res, Status.UNAUTHORIZED_401, "log in or send Authorization: Bearer <API token>");
    }
}
