package com.instore.hub.db;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which database the hub uses: {@code hub.db.url} (default: SQLite {@code <data-dir>/hub.db}; a {@code jdbc:postgresql:}
 * URL for a chain), {@code hub.db.user} and {@code hub.db.password-file} (PostgreSQL only; the file holds the password).
 * {@code hub.db.pool-size} bounds the connection pool (default 4).
 */
public record DbConfig(String url, Optional<String> user, Optional<Path> passwordFile, int poolSize) {
    public DbConfig {
        if (url == null || !url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("hub.db.url must be a jdbc:sqlite: or jdbc:postgresql: URL, got " + url);
        }
        user = user == null ? Optional.empty() : user;
        passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
        if (poolSize < 1) {
            throw new IllegalArgumentException("hub.db.pool-size must be at least 1, got " + poolSize);
        }
    }

    /** SQLite in {@code file}. */
    public static DbConfig sqlite(Path file) {
        return new DbConfig("jdbc:sqlite:" + file.toAbsolutePath(), Optional.empty(), Optional.empty(), 4);
    }

    /** Reads the {@code hub.db} node; without a URL, SQLite in {@code dataDir}. */
    public static DbConfig from(Config db, Path dataDir) {
        return new DbConfig(db.get("url").asString().orElse("jdbc:sqlite:" + dataDir.resolve("hub.db").toAbsolutePath()),
                db.get("user").asString().asOptional(),
                db.get("password-file").asString().asOptional().map(Path::of),
                db.get("pool-size").asInt().orElse(4));
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** The SQLite file, for SQLite URLs. */
    Path sqliteFile() {
        return Path.of(url.substring("jdbc:sqlite:".length()));
    }
}
