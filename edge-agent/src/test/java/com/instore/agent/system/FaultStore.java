package com.instore.agent.system;

import com.instore.agent.it.TcpProxy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The store for fault injection: the packaged hub (SQLite; its embedded broker, or chain mode on a {@link MosquittoBroker})
 * as a process that can be SIGKILLed and started again on the same data directory and ports, the Mosquitto process
 * likewise, and one packaged agent per kiosk whose MQTT connection runs through a {@link TcpProxy} of the test's own, so
 * the network between agent and broker can be cut and restored. Not thread-safe: one chaos thread drives the faults while
 * other threads only tap and read.
 */
final class FaultStore implements AutoCloseable {
    static final List<String> KIOSKS = DemoStore.KIOSKS;
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path dataDir;
    private final int hubPort = freePort();
    private final int mqttPort;
    private final int mqttTlsPort = freePort();
    private final int httpsPort = freePort();
    private final MosquittoBroker broker;
    private final Map<String, TcpProxy> proxies = new LinkedHashMap<>();
    private final Map<String, Integer> screenPorts = new LinkedHashMap<>();
    private final Map<String, AppProcess> agents = new LinkedHashMap<>();
    private final Path hubJar;
    private final Path agentJar;
    private volatile AppProcess hub;
    private volatile int hubGeneration;
    private List<String> kiosks = KIOSKS;

    /** The store on the hub's embedded broker. */
    FaultStore(Path dataDir) throws IOException {
        this(dataDir, null);
    }

    private FaultStore(Path dataDir, MosquittoBroker broker) throws IOException {
        this.dataDir = dataDir;
        this.broker = broker;
        this.mqttPort = broker == null ? freePort() : broker.port();
        this.hubJar = snapshot(REPO.resolve("store-hub/target/store-hub.jar"), dataDir.resolve("apps/store-hub"));
        this.agentJar = snapshot(REPO.resolve("edge-agent/target/edge-agent.jar"), dataDir.resolve("apps/edge-agent"));
        for (String kiosk : KIOSKS) {
            proxies.put(kiosk, new TcpProxy(mqttPort));
            screenPorts.put(kiosk, freePort());
        }
    }

    /** The store in chain mode: the hub on a Mosquitto of its own (config/brokers/mosquitto.conf) under {@code dataDir}. */
    static FaultStore onMosquitto(Path dataDir) throws IOException, InterruptedException {
        return new FaultStore(dataDir, new MosquittoBroker(REPO, dataDir.resolve("mosquitto"), dataDir));
    }

    FaultStore start() throws Exception {
        return start(KIOSKS);
    }

    /** The broker (if external), the hub and the agents of {@code kiosks} only (each a store kiosk), ready to tap. */
    FaultStore start(List<String> kiosks) throws Exception {
        this.kiosks = List.copyOf(kiosks);
        try {
            if (broker != null) {
                broker.start();
            }
            startHub();
            for (String kiosk : kiosks) {
                startAgent(kiosk);
            }
            for (String kiosk : kiosks) {
                await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> get(
                        URI.create("http://127.0.0.1:" + screenPorts.get(kiosk) + "/screen/state")).statusCode() == 200);
            }
            return this;
        } catch (Exception | Error e) {
            close(); // try-with-resources never closes a resource whose start failed: no process may outlive the test
            throw e;
        }
    }

    void startHub() throws IOException {
        hubGeneration++;
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "hub.data-dir", hubDir().toString(),
                "hub.http.port", String.valueOf(hubPort),
                "hub.mqtt.port", String.valueOf(mqttPort),
                "hub.store-file", REPO.resolve("config/store.yaml").toString(),
                "hub.offers-file", REPO.resolve("config/offers.yaml").toString(),
                "hub.members-file", REPO.resolve("config/demo/members.csv").toString(),
                // TLS on as in the product (store CA made at the first start, read back at every restart); the
                // agents use the plain listener.
                "hub.tls.mqtt-port", String.valueOf(mqttTlsPort),
                "hub.tls.https-port", String.valueOf(httpsPort),
                // Every member tap earns points, so that a tap counted twice would show in the points.
                "hub.loyalty.card-uid-earns-points", "true",
                "hub.loyalty.visit-period", "PT0S"));
        if (broker != null) {
            settings.putAll(broker.hubSettings());
        }
        // ./run soak -Dchaos.hub-persistence=in-memory: the same faults with the embedded broker's data in memory.
        String persistence = System.getProperty("chaos.hub-persistence");
        if (persistence != null) {
            settings.put("hub.mqtt.persistence", persistence);
        }
        hub = new AppProcess("hub-" + hubGeneration, hubJar, REPO.resolve("config/hub.yaml"), settings, dataDir).start();
        AppProcess started = hub;
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .failFast(started.describe() + " died", () -> !started.alive())
                .until(() -> get(hubUrl("/health")).statusCode() == 200);
    }

    void killHub() throws InterruptedException {
        hub.kill();
    }

    /** SIGKILL of the external broker (none in embedded mode: there the hub is the broker). */
    void killBroker() throws InterruptedException {
        broker.kill();
    }

    /** Starts the external broker again on the same port and persistence directory. */
    void startBroker() throws IOException {
        broker.start();
    }

    /** Whether the hub runs on an external broker the chaos may kill. */
    boolean externalBroker() {
        return broker != null;
    }

    /** The kiosks whose agents run. */
    List<String> kiosks() {
        return kiosks;
    }

    void startAgent(String kiosk) throws IOException {
        // With the flags the package ships (its 24 MB heap among them): a kiosk's JVM as it runs in a store.
        agents.put(kiosk, new AppProcess("agent-" + kiosk + "-" + System.nanoTime(),
                agentJar, REPO.resolve("config/agent.yaml"),
                AppProcess.packagedJavaOpts(REPO.resolve("config/deb/etc/default-edge-agent")),
                Map.of("agent.kiosk-id", kiosk,
                        "agent.data-dir", dataDir.resolve("agents").resolve(kiosk).toString(),
                        "agent.screen.port", String.valueOf(screenPorts.get(kiosk)),
                        "agent.mqtt.uri", proxies.get(kiosk).uri(),
                        "agent.mqtt.password-file", hubDir().resolve("kiosk-secrets/" + kiosk + ".secret").toString()),
                dataDir).start());
    }

    void killAgent(String kiosk) throws InterruptedException {
        agents.get(kiosk).kill();
    }

    /** Starts again whatever is down (after the faults stop) and restores every network link. */
    void heal() throws IOException {
        kiosks.forEach(this::restoreNetwork);
        if (broker != null && !broker.alive()) {
            broker.start();
        }
        if (!hub.alive()) {
            startHub();
        }
        for (String kiosk : kiosks) {
            if (!agents.get(kiosk).alive()) {
                startAgent(kiosk);
            }
        }
    }

    /** Drops the kiosk's live connections and refuses new ones until {@link #restoreNetwork}. */
    void cutNetwork(String kiosk) {
        proxies.get(kiosk).pause();
        proxies.get(kiosk).cutAll();
    }

    void restoreNetwork(String kiosk) {
        proxies.get(kiosk).resume();
    }

    /** Which hub process this is: 1 for the first, +1 per restart. */
    int hubGeneration() {
        return hubGeneration;
    }

    /** Taps a card on the kiosk's simulated reader: the tap id when the agent answered 202, empty otherwise. */
    Optional<String> tap(String kiosk, String uid) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + screenPorts.get(kiosk) + "/simulate/tap"))
                    .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"CARD_UID\",\"value\":\"" + uid + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                return Optional.empty();
            }
            String body = response.body();
            int start = body.indexOf("\"tapId\":\"") + 9;
            return Optional.of(body.substring(start, body.indexOf('"', start)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The hub's Prometheus scrape, empty while it is down. */
    Optional<String> metrics() {
        try {
            return Optional.of(get(hubUrl("/metrics"))).filter(r -> r.statusCode() == 200).map(HttpResponse::body);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    int mqttPort() {
        return mqttPort;
    }

    int hubHttpPort() {
        return hubPort;
    }

    Path hubDataDir() {
        return hubDir();
    }

    Path hubDatabase() {
        return hubDir().resolve("hub.db");
    }

    private Path hubDir() {
        return dataDir.resolve("hub");
    }

    private URI hubUrl(String path) {
        return URI.create("http://127.0.0.1:" + hubPort + path);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Copies a packaged app (its jar and the lib/ beside it) for this run: a hub started again after a kill must run the
     * same code, even when the module is rebuilt meanwhile.
     */
    private static Path snapshot(Path jar, Path into) throws IOException {
        AppProcess.requireJar(jar);
        Files.createDirectories(into.resolve("lib"));
        try (Stream<Path> libs = Files.list(jar.resolveSibling("lib"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, into.resolve("lib").resolve(lib.getFileName()));
            }
        }
        return Files.copy(jar, into.resolve(jar.getFileName()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Stops the agents and the hub politely (SIGTERM), so the hub's database is closed before it is read. */
    @Override
    public void close() throws Exception {
        for (AppProcess agent : agents.values()) {
            agent.close();
        }
        if (hub != null) {
            hub.close();
        }
        for (TcpProxy proxy : proxies.values()) {
            proxy.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
