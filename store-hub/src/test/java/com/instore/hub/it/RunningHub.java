package com.instore.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.hub.HubConfig;
import com.instore.hub.StoreHub;
import com.instore.hub.db.DbConfig;
import com.instore.hub.secrets.SecretFile;
import io.helidon.config.Config;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The whole hub started in-process on free ports with a temporary data directory, plus helpers to talk to it. */
final class RunningHub implements AutoCloseable {
    static final String STORE = "demo-store";
    static final String PUBLIC_URL = "http://hub.test:8080";

    final StoreHub hub;
    final Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private final String dbUrl;

    private RunningHub(StoreHub hub, Path dataDir, String dbUrl) {
        this.hub = hub;
        this.dataDir = dataDir;
        this.dbUrl = dbUrl;
    }

    static RunningHub start(Path dataDir) throws Exception {
        return start(dataDir, DbConfig.sqlite(dataDir.resolve("hub.db")), Config.empty(),
                Path.of("../config/offers.yaml"), Path.of("../config/demo/members.csv"));
    }

    /**
     * The hub on {@code db} with these feature settings; the offers file is copied into the data directory (the REST API
     * writes to it) and {@code members} loaded at start.
     */
    static RunningHub start(Path dataDir, DbConfig db, Config features, Path offers, Path members) throws Exception {
        return start(dataDir, db, features, offers, members, 0, 0);
    }

    /**
     * The hub on its SQLite database in {@code dataDir} and these ports (0: free ones): started again on the same ports and
     * directory, it is the same hub after a restart (users, sessions, retained kiosk statuses).
     */
    static RunningHub start(Path dataDir, Config features, int httpPort, int mqttPort) throws Exception {
        return start(dataDir, DbConfig.sqlite(dataDir.resolve("hub.db")), features, Path.of("../config/offers.yaml"),
                Path.of("../config/demo/members.csv"), httpPort, mqttPort);
    }

    private static RunningHub start(Path dataDir, DbConfig db, Config features, Path offers, Path members, int httpPort,
                                    int mqttPort) throws Exception {
        Files.createDirectories(dataDir);
        Path offersCopy = Files.copy(offers, dataDir.resolve("offers.yaml"), StandardCopyOption.REPLACE_EXISTING);
        HubConfig config = new HubConfig(dataDir, Path.of("../config/store.yaml"), offersCopy, Optional.of(members),
                dataDir.resolve("store.secret"), PUBLIC_URL, "127.0.0.1", httpPort, "127.0.0.1", mqttPort, db, features);
        return new RunningHub(StoreHub.start(config), dataDir, db.url());
    }

    String kioskSecret(String kioskId) throws IOException {
        return SecretFile.read(dataDir.resolve("kiosk-secrets/" + kioskId + ".secret"));
    }

    /** A kiosk connected with its own identity (user, client id, secret). */
    TestClient kiosk(String kioskId) throws Exception {
        return TestClient.connect(hub.mqttPort(), "kiosk-" + STORE + "-" + kioskId, STORE + "/" + kioskId,
                kioskSecret(kioskId));
    }

    TestClient monitor(String clientId) throws MqttException, IOException {
        return TestClient.connect(hub.mqttPort(), clientId, "monitor", SecretFile.read(dataDir.resolve("monitor.secret")));
    }

    /** A GET with the API token (an operator's script): routes behind the access check answer it too. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path))
                        .header("Authorization", "Bearer " + SecretFile.read(dataDir.resolve("api.secret"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request with the API token (tills, staff tools). {@code json} may be null (no body). */
    HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path))
                .header("Authorization", "Bearer " + SecretFile.read(dataDir.resolve("api.secret")))
                .header("Content-Type", "application/json").method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST, as a phone's browser sends it. */
    HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String text) throws IOException {
        return json.readTree(text);
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return json.readTree(get(path).body());
    }

    /** The kiosk's entry in GET /api/kiosks. */
    JsonNode kioskView(String kioskId) throws IOException, InterruptedException {
        for (JsonNode k : getJson("/api/kiosks")) {
            if (kioskId.equals(k.get("kioskId").asText())) {
                return k;
            }
        }
        throw new AssertionError("kiosk " + kioskId + " missing from /api/kiosks");
    }

    /** A single number from the hub's database, whichever it is. */
    long queryLong(String sql, com.instore.hub.db.TestDb kind) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A single number from the hub's database, read through its own SQLite file. */
    long queryLong(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hub.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        hub.close();
    }
}
