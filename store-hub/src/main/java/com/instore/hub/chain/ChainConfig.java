package com.instore.hub.chain;

import com.instore.hub.db.DbConfig;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The chain link's settings ({@code hub.chain}); the link is on when {@code hub.chain.db.url} is set.
 *
 * @param centre       the chain's central database: {@code db.url} (jdbc:postgresql:), {@code db.user},
 *                     {@code db.password-file}; PostgreSQL URLs get {@code connectTimeout=3&socketTimeout=30} unless
 *                     they say otherwise, so a cut link fails a sync instead of hanging it
 * @param syncInterval pause between two syncs while the link is up ({@code sync-interval}, PT5S)
 * @param batchSize    taps (and members, credentials) per upward batch and per downward page ({@code batch-size}, 200)
 * @param maxBackoff   longest pause between two attempts while the link is down ({@code max-backoff}, PT30S; the
 *                     pause starts at the sync interval and doubles)
 * @param connectTimeout how long an attempt waits for a connection to the centre ({@code connect-timeout}, PT3S)
 */
public record ChainConfig(DbConfig centre, Duration syncInterval, int batchSize, Duration maxBackoff,
                          Duration connectTimeout) {
    public ChainConfig {
        if (syncInterval.isNegative() || syncInterval.isZero() || batchSize < 1 || maxBackoff.compareTo(syncInterval) < 0
                || connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("hub.chain: sync-interval > 0, batch-size >= 1, max-backoff >= sync-interval,"
                    + " connect-timeout >= PT0.25S");
        }
    }

    /** Reads the {@code hub.chain} node; empty (no chain link) without {@code db.url}. */
    public static Optional<ChainConfig> from(Config chain) {
        Optional<String> url = chain.get("db.url").asString().asOptional().filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        DbConfig centre = new DbConfig(withTimeouts(url.get()), chain.get("db.user").asString().asOptional(),
                chain.get("db.password-file").asString().asOptional().map(Path::of), 2);
        return Optional.of(new ChainConfig(centre,
                Duration.parse(chain.get("sync-interval").asString().orElse("PT5S")),
                chain.get("batch-size").asInt().orElse(200),
                Duration.parse(chain.get("max-backoff").asString().orElse("PT30S")),
                Duration.parse(chain.get("connect-timeout").asString().orElse("PT3S"))));
    }

    static String withTimeouts(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        String out = url;
        for (String param : new String[]{"connectTimeout=3", "socketTimeout=30"}) {
            if (!out.contains(param.substring(0, param.indexOf('=') + 1))) {
                out += (out.contains("?") ? "&" : "?") + param;
            }
        }
        return out;
    }
}
