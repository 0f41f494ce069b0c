package com.instore.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.agent.AgentConfig;
import com.instore.agent.EdgeAgent;
import com.instore.protocol.KioskAddress;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** An edge agent started in-process on a free port, with a temp password file, and plain HTTP helpers to drive it. */
final class RunningAgent implements AutoCloseable {
    static final KioskAddress KIOSK = new KioskAddress("demo-store", "entrance");
    /** The password in the kiosk's password file. */
    static final String SECRET = "kiosk-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EdgeAgent agent = new EdgeAgent();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    RunningAgent(Path tempDir, String brokerUri, Map<String, String> overrides) throws IOException {
        Path secret = Files.writeString(tempDir.resolve("entrance.secret"), SECRET + "\n");
        Map<String, String> values = new HashMap<>(Map.of(
                "agent.store-id", KIOSK.storeId(),
                "agent.kiosk-id", KIOSK.kioskId(),
                "agent.data-dir", tempDir.resolve("agent").toString(),
                "agent.mqtt.uri", brokerUri,
                "agent.mqtt.password-file", secret.toString(),
                "agent.screen.host", "127.0.0.1",
                "agent.screen.port", "0",
                "agent.reader.type", "simulated"));
        values.putAll(overrides);
        port = agent.start(AgentConfig.from(Config.just(ConfigSources.create(values)).get("agent")));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    boolean mqttConnected() {
        return agent.mqttConnected();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Taps a card through {@code POST /simulate/tap}; returns the tap id from the 202 answer. */
    String tap(String uid) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/simulate/tap", "{\"type\":\"CARD_UID\",\"value\":\"" + uid + "\"}");
        if (response.statusCode() != 202) {
            throw new AssertionError("tap answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).get("tapId").asText();
    }

    /** The screen as {@code GET /screen/state} tells it. */
    JsonNode screen() throws IOException, InterruptedException {
        return json(get("/screen/state").body());
    }

    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        agent.close();
    }
}
