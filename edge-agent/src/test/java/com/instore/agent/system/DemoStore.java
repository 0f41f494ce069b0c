package com.instore.agent.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The demo store as separate processes: the packaged hub (embedded broker, SQLite) with the repository's config files, and
 * one packaged edge agent per kiosk with a simulated reader, each on free ports in a temporary data directory.
 */
final class DemoStore implements AutoCloseable {
    static final List<String> KIOSKS = List.of("entrance", "coffee", "checkout");
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Path dataDir;
    private final int hubPort = freePort();
    private final int mqttPort = freePort();
    private final AppProcess hub;
    private final Map<String, AppProcess> agents = new LinkedHashMap<>();
    private final Map<String, Integer> screenPorts = new LinkedHashMap<>();

    DemoStore(Path dataDir) {
        this.dataDir = dataDir;
        hub = new AppProcess("hub", AppProcess.requireJar(REPO.resolve("store-hub/target/store-hub.jar")),
                REPO.resolve("config/hub.yaml"), Map.of(
                "hub.data-dir", dataDir.resolve("hub").toString(),
                "hub.http.port", String.valueOf(hubPort),
                "hub.mqtt.port", String.valueOf(mqttPort),
                "hub.tls.mqtt-port", String.valueOf(freePort()),
                "hub.tls.https-port", String.valueOf(freePort()),
                "hub.store-file", REPO.resolve("config/store.yaml").toString(),
                "hub.offers-file", REPO.resolve("config/offers.yaml").toString(),
                "hub.members-file", REPO.resolve("config/demo/members.csv").toString()), dataDir);
        for (String kiosk : KIOSKS) {
            screenPorts.put(kiosk, freePort());
            agents.put(kiosk, agentProcess(kiosk));
        }
    }

    DemoStore start() throws IOException {
        hub.start();
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .failFast(hub.describe() + " died", () -> !hub.alive())
                .until(() -> get(hubUrl("/health")).statusCode() == 200);
        for (AppProcess agent : agents.values()) {
            agent.start();
        }
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(this::allOnline);
        return this;
    }

    private boolean allOnline() throws IOException, InterruptedException {
        for (String kiosk : KIOSKS) {
            if (!online(kiosk)) {
                return false;
            }
        }
        return true;
    }

    boolean online(String kiosk) throws IOException, InterruptedException {
        for (JsonNode node : json.readTree(get(hubUrl("/api/kiosks")).body())) {
            if (node.path("kioskId").asText().equals(kiosk)) {
                return node.path("online").asBoolean();
            }
        }
        throw new IllegalStateException("the hub does not list kiosk " + kiosk);
    }

    /** Taps a card on a kiosk's simulated reader; returns the tap id the agent answered with. */
    String tap(String kiosk, String uid) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(screenUrl(kiosk, "/simulate/tap"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"CARD_UID\",\"value\":\"" + uid + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("tap refused: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("tapId").asText();
    }

    JsonNode screenState(String kiosk) throws IOException, InterruptedException {
        return json.readTree(get(screenUrl(kiosk, "/screen/state")).body());
    }

    void killAgent(String kiosk) throws InterruptedException {
        agents.get(kiosk).kill();
    }

    void restartAgent(String kiosk) throws IOException {
        agents.put(kiosk, agentProcess(kiosk).start());
    }

    URI hubUrl(String path) {
        return URI.create("http://127.0.0.1:" + hubPort + path);
    }

    URI screenUrl(String kiosk, String path) {
        return URI.create("http://127.0.0.1:" + screenPorts.get(kiosk) + path);
    }

    /** A GET; on the hub with the API token from {@code api.secret} (the hub's routes need a login or a token). */
    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        Path token = dataDir.resolve("hub/api.secret");
        if (uri.getPort() == hubPort && java.nio.file.Files.exists(token)) {
            req.header("Authorization", "Bearer " + java.nio.file.Files.readString(token).strip());
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private AppProcess agentProcess(String kiosk) {
        return new AppProcess("agent-" + kiosk, AppProcess.requireJar(REPO.resolve("edge-agent/target/edge-agent.jar")),
                REPO.resolve("config/agent.yaml"), Map.of(
                "agent.kiosk-id", kiosk,
                "agent.data-dir", dataDir.resolve("agents").resolve(kiosk).toString(),
                "agent.screen.port", String.valueOf(screenPorts.get(kiosk)),
                "agent.mqtt.uri", "tcp://127.0.0.1:" + mqttPort,
                "agent.mqtt.password-file", dataDir.resolve("hub/kiosk-secrets/" + kiosk + ".secret").toString()),
                dataDir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (AppProcess agent : agents.values()) {
            agent.close();
        }
        hub.close();
    }
}
