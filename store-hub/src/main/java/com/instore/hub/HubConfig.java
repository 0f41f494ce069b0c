package com.instore.hub;

import com.instore.hub.db.DbConfig;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The hub's settings, read once from the {@code hub} config node; every default lives here or in the feature's own config
 * record, which reads its own node of {@code features} ({@code hub.identity}, {@code hub.loyalty}, {@code hub.offers},
 * {@code hub.actions}, {@code hub.retention}).
 *
 * @param dataDir         SQLite database, broker data, store secret, generated kiosk, monitor and API secrets
 * @param storeFile       the store and its kiosks (config/store.yaml)
 * @param offersFile      the offers (config/offers.yaml)
 * @param membersFile     demo members upserted at start; empty when none
 * @param storeSecretFile the HMAC key for card UIDs (and NDEF member tokens); generated at first start when missing.
 *                        {@code hub.identity-secret-file} (preferred in a chain: every store's hub must read the same key,
 *                        or a card enrolled at store A is a stranger at store B) or {@code hub.store-secret-file}
 * @param publicUrl       how shoppers' phones reach the hub (join links)
 * @param httpHost        HTTP bind address
 * @param httpPort        HTTP port, 0 for any free port
 * @param mqttHost        MQTT bind address of the embedded broker
 * @param mqttPort        MQTT port, 0 for any free port
 * @param db              the database ({@code hub.db}: SQLite in the data directory unless a PostgreSQL URL is given)
 * @param features        the {@code hub} node, from which each feature reads its own node
 */
public record HubConfig(Path dataDir, Path storeFile, Path offersFile, Optional<Path> membersFile, Path storeSecretFile,
                        String publicUrl, String httpHost, int httpPort, String mqttHost, int mqttPort, DbConfig db,
                        Config features) {

    public HubConfig {
        membersFile = membersFile == null ? Optional.empty() : membersFile;
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        db = db == null ? DbConfig.sqlite(dataDir.resolve("hub.db")) : db;
        features = features == null ? Config.empty() : features;
    }

    /** Without database or feature settings: SQLite in the data directory, every feature on its defaults. */
    public HubConfig(Path dataDir, Path storeFile, Path offersFile, Optional<Path> membersFile, Path storeSecretFile,
                     String publicUrl, String httpHost, int httpPort, String mqttHost, int mqttPort) {
        this(dataDir, storeFile, offersFile, membersFile, storeSecretFile, publicUrl, httpHost, httpPort, mqttHost,
                mqttPort, null, null);
    }

    /** Reads the {@code hub} node: {@code hub.data-dir}, {@code hub.store-file}, ... */
    public static HubConfig from(Config hub) {
        Path dataDir = Path.of(hub.get("data-dir").asString().orElse("demo-data/hub"));
        return new HubConfig(dataDir,
                Path.of(hub.get("store-file").asString().orElse("config/store.yaml")),
                Path.of(hub.get("offers-file").asString().orElse("config/offers.yaml")),
                hub.get("members-file").asString().filter(s -> !s.isBlank()).map(Path::of),
                hub.get("identity-secret-file").asString().asOptional()
                        .or(() -> hub.get("store-secret-file").asString().asOptional())
                        .map(Path::of).orElse(dataDir.resolve("store.secret")),
                hub.get("public-url").asString().orElse("http://localhost:8080"),
                hub.get("http.host").asString().orElse("0.0.0.0"),
                hub.get("http.port").asInt().orElse(8080),
                hub.get("mqtt.host").asString().orElse("0.0.0.0"),
                hub.get("mqtt.port").asInt().orElse(1883),
                DbConfig.from(hub.get("db"), dataDir),
                hub);
    }

    /** A copy on other ports (tests use 0 for free ports). */
    public HubConfig withPorts(int http, int mqtt) {
        return new HubConfig(dataDir, storeFile, offersFile, membersFile, storeSecretFile, publicUrl, httpHost, http,
                mqttHost, mqtt, db, features);
    }

    /** A copy on another database. */
    public HubConfig withDb(DbConfig other) {
        return new HubConfig(dataDir, storeFile, offersFile, membersFile, storeSecretFile, publicUrl, httpHost, httpPort,
                mqttHost, mqttPort, other, features);
    }

    /** A copy with other feature settings (tests). */
    public HubConfig withFeatures(Config other) {
        return new HubConfig(dataDir, storeFile, offersFile, membersFile, storeSecretFile, publicUrl, httpHost, httpPort,
                mqttHost, mqttPort, db, other);
    }
}
