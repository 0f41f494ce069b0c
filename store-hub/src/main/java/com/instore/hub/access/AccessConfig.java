package com.instore.hub.access;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Access settings ({@code hub.access}), defaults in one place.
 *
 * @param adminPasswordFile where the first start writes the generated admin password (owner-only)
 * @param maxFailures       failed logins in a row before the account is locked
 * @param lockout           how long a locked account stays locked
 * @param sessionTtl        how long a browser session lives (a shop-floor tablet stays logged in for the day)
 * @param secureCookies     whether session cookies carry {@code Secure} (on when the public URL is HTTPS)
 */
public record AccessConfig(Path adminPasswordFile, int maxFailures, Duration lockout, Duration sessionTtl,
                           boolean secureCookies) {

    /** Reads {@code hub.access}; the password file defaults to {@code <data-dir>/admin.password}. */
    public static AccessConfig from(Config access, Path dataDir, String publicUrl) {
        return new AccessConfig(
                access.get("admin-password-file").asString().map(Path::of).orElse(dataDir.resolve("admin.password")),
                access.get("max-failures").asInt().orElse(5),
                Duration.parse(access.get("lockout").asString().orElse("PT5M")),
                Duration.parse(access.get("session-ttl").asString().orElse("PT12H")),
                access.get("secure-cookies").asBoolean().orElse(publicUrl.startsWith("https:")));
    }
}
