package com.instore.hub.access;

import io.helidon.http.Method;

import java.util.List;
import java.util.Optional;

/**
 * Every route's required role, in one table read top to bottom: the first rule whose method and path match decides.
 * Anything not listed needs {@link Role#OPERATOR}, so a route added later is never open by accident.
 * {@code *} matches one path segment, a trailing {@code **} any rest.
 */
final class AccessPolicy {
    /** A rule; {@code role} empty means public (no login). */
    record Rule(String method, String pattern, Optional<Role> role) {
        boolean matches(Method m, String path) {
            return (method.equals("*") || method.equals(m.text())) && AccessPolicy.matches(pattern, path);
        }
    }

    private static final Optional<Role> PUBLIC = Optional.empty();
    private static final Optional<Role> STAFF = Optional.of(Role.STAFF);
    private static final Optional<Role> ADMIN = Optional.of(Role.ADMIN);

    static final List<Rule> RULES = List.of(
            new Rule("GET", "/health", PUBLIC),
            new Rule("GET", "/metrics", PUBLIC),
            new Rule("*", "/login", PUBLIC),
            new Rule("POST", "/logout", PUBLIC),
            new Rule("GET", "/assets/**", PUBLIC),
            new Rule("GET", "/openapi.yaml", PUBLIC),
            new Rule("POST", "/api/enrol", PUBLIC),
            new Rule("POST", "/broker/*", PUBLIC), // its own shared secret and source addresses (BrokerAuth)
            new Rule("*", "/join", PUBLIC),
            new Rule("*", "/join/**", PUBLIC),
            new Rule("GET", "/api/coupons/*/qr.svg", PUBLIC),
            new Rule("*", "/api/users", ADMIN),
            new Rule("*", "/api/users/**", ADMIN),
            new Rule("*", "/api/tokens", ADMIN),
            new Rule("GET", "/", STAFF),
            new Rule("GET", "/dashboard/**", STAFF),
            new Rule("GET", "/api/me", STAFF),
            new Rule("GET", "/api/dashboard", STAFF),
            new Rule("GET", "/api/kiosks", STAFF),
            new Rule("GET", "/api/kiosks/*", STAFF),
            new Rule("GET", "/api/kiosks/*/config", STAFF),
            new Rule("GET", "/api/offers", STAFF),
            new Rule("GET", "/api/offers/*", STAFF),
            new Rule("GET", "/api/chain", STAFF));

    private AccessPolicy() {
    }

    /** The role {@code method path} needs; empty when the route is public. */
    static Optional<Role> required(Method method, String path) {
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                return rule.role();
            }
        }
        return Optional.of(Role.OPERATOR);
    }

    /**
     * Whether the call goes to the audit log: every change, and every read of members' data (support's search and
     * export are accesses to personal data).
     */
    static boolean audited(Method method, String path) {
        boolean read = method == Method.GET || method == Method.HEAD || method == Method.OPTIONS;
        return !read || path.startsWith("/api/members/");
    }

    static boolean matches(String pattern, String path) {
        String[] want = pattern.split("/", -1);
        String[] have = path.split("/", -1);
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals("**")) {
                return have.length > i;
            }
            if (i >= have.length || !(want[i].equals("*") ? !have[i].isEmpty() : want[i].equals(have[i]))) {
                return false;
            }
        }
        return want.length == have.length;
    }
}
