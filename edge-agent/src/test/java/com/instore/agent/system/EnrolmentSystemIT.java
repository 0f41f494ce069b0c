package com.instore.agent.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.agent.AgentConfig;
import com.instore.agent.EdgeAgent;
import com.instore.agent.enrol.Enroller;
import com.instore.agent.enrol.KioskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Zero-touch on-boarding end to end: the packaged hub as a process (TLS on), a kiosk created by the operator, and an
 * in-process agent that enrols on first boot with the code from its config over HTTPS pinned to the store CA, connects
 * over MQTT/TLS, answers taps, applies desired configuration live, refuses a bad one, and runs remote commands.
 */
class EnrolmentSystemIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static AppProcess hubProcess;
    static int httpsPort;
    static String caSha256;
    static HttpClient operator;
    static String token;

    @BeforeAll
    static void startHub() throws Exception {
        httpsPort = freePort();
        Path store = Files.copy(REPO.resolve("config/store.yaml"), dir.resolve("store.yaml"));
        hubProcess = new AppProcess("hub", AppProcess.requireJar(REPO.resolve("store-hub/target/store-hub.jar")),
                REPO.resolve("config/hub.yaml"), Map.of("hub.data-dir", dir.resolve("hub").toString(),
                "hub.http.port", String.valueOf(freePort()), "hub.mqtt.port", String.valueOf(freePort()),
                "hub.tls.mqtt-port", String.valueOf(freePort()), "hub.tls.https-port", String.valueOf(httpsPort),
                "hub.store-file", store.toString(), "hub.offers-file", REPO.resolve("config/offers.yaml").toString(),
                "hub.members-file", REPO.resolve("config/demo/members.csv").toString(),
                "hub.public-url", "http://127.0.0.1:1"), dir).start();
        Path caFile = dir.resolve("hub/tls/ca.pem");
        await().atMost(Duration.ofSeconds(120)).failFast(() -> !hubProcess.alive())
                .until(() -> Files.isRegularFile(dir.resolve("hub/operator.token")) && Files.isRegularFile(caFile));
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caFile)));
        caSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca.getEncoded()));
        token = Files.readString(dir.resolve("hub/operator.token")).strip();
        operator = HttpClient.newBuilder().sslContext(trusting(ca)).build();
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().failFast(() -> !hubProcess.alive())
                .until(() -> call("GET", "/api/store/reconcile", null).statusCode() == 200);
    }

    @AfterAll
    static void stopHub() throws Exception {
        hubProcess.close();
    }

    @Test
    void kiosk_enrolsOnFirstBoot_connectsOverTls_answersTaps_appliesConfig_andRunsCommands() throws Exception {
        String code = create("kiosk-new");
        Path agentYaml = Files.writeString(dir.resolve("agent.yaml"), """
                agent:
                  data-dir: %s
                  screen: { host: 127.0.0.1, port: 0 }
                  reader: { type: simulated }
                  printer: { uri: simulated }
                  enrol: { hub: "https://localhost:%d", code: "%s", ca-sha256: "%s" }
                """.formatted(dir.resolve("agent"), httpsPort, code, caSha256));
        AgentLogs logs = AgentLogs.capture();
        try (EdgeAgent agent = new EdgeAgent()) {
            AgentConfig config = AgentConfig.load(agentYaml);
            assertThat(config.kiosk().kioskId()).isEqualTo("kiosk-new");
            assertThat(config.mqtt().uri()).startsWith("ssl://");
            assertThat(Files.getPosixFilePermissions(dir.resolve("agent/identity/mqtt.secret")).toString())
                    .isEqualTo("[OWNER_READ, OWNER_WRITE]");
            int port = agent.start(config);
            logs.attach(); // Helidon's start read logging.properties again, which dropped every handler
            await().atMost(Duration.ofSeconds(30)).until(agent::mqttConnected);

            JsonNode tapped = post(port, "/simulate/tap", "{\"type\":\"CARD_UID\",\"value\":\"04FFEEDDCCBB01\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(get(port, "/screen/state").get("state").asText()).isIn("welcome", "member"));
            assertThat(tapped.get("tapId").asText()).isNotBlank();

            assertThat(call("PUT", "/api/kiosks/kiosk-new/config", "{\"answer-timeout-ms\": 1500}").statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(get(port, "/kiosk/config").at("/applied/answerTimeoutMs").asLong()).isEqualTo(1500);
                assertThat(json("GET", "/api/kiosks/kiosk-new/config").at("/sync/drift").asBoolean()).isFalse();
            });
            long good = get(port, "/kiosk/config").at("/applied/version").asLong();

            call("PUT", "/api/kiosks/kiosk-new/config", "{\"reader-type\": \"laser\", \"theme\": \"dark\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode sync = json("GET", "/api/kiosks/kiosk-new/config").get("sync");
                assertThat(sync.get("refusal").asText()).contains("laser").contains("not supported");
                assertThat(sync.get("drift").asBoolean()).isTrue();
            });
            assertThat(get(port, "/kiosk/config").at("/applied/version").asLong()).isEqualTo(good);
            assertThat(get(port, "/kiosk/config").at("/screen/theme").asText()).isEqualTo("default");

            for (String type : new String[] {"IDENTIFY", "PRINT_TEST_PAGE", "RELOAD_CONFIG", "RESTART_SCREEN"}) {
                JsonNode result = json("POST", "/api/kiosks/kiosk-new/commands", "{\"type\":\"" + type + "\"}");
                assertThat(result.get("outcome").asText()).as(type + ": " + result).isIn("OK", "FAILED");
            }
            JsonNode diagnostics = json("POST", "/api/kiosks/kiosk-new/commands", "{\"type\":\"DIAGNOSTICS\"}");
            assertThat(diagnostics.at("/data/mqtt").asText()).isEqualTo("connected");
            assertThat(diagnostics.at("/data/kiosk").asText()).isEqualTo("demo-store/kiosk-new");
        }
        logs.close();
        assertCredentialsNeverLogged(logs.text(), Files.readString(dir.resolve("agent/identity/mqtt.secret")).strip(),
                code);

        // Factory reset: the kiosk's state directory is wiped; the used code is refused, a new code enrols it again.
        deleteTree(dir.resolve("agent/identity"));
        assertThatThrownBy(() -> AgentConfig.load(agentYaml)).hasMessageContaining("already used");
        String fresh = JSON.readTree(call("POST", "/api/kiosks/kiosk-new/enrolment-code", null).body()).get("code")
                .asText();
        assertThat(new Enroller(new KioskState(dir.resolve("agent/identity"))).enrol(
                URI.create("https://localhost:" + httpsPort), fresh, Optional.of(caSha256), Optional.empty()))
                .isEqualTo("demo-store/kiosk-new");
    }

    /** Neither the hub's log nor the agent's (enrolment, TLS connection, taps, config, commands) holds a secret. */
    private static void assertCredentialsNeverLogged(String agentLog, String kioskSecret, String code) throws Exception {
        String hubLog = Files.readString(dir.resolve("hub.log"));
        assertThat(agentLog).as("agent log").contains("kiosk-new").doesNotContain(kioskSecret).doesNotContain(token)
                .doesNotContain(code);
        assertThat(hubLog).as("hub log").isNotBlank().doesNotContain(kioskSecret).doesNotContain(token)
                .doesNotContain(Files.readString(dir.resolve("hub/monitor.secret")).strip());
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Every java.util.logging record of this JVM (the in-process agent logs there), formatted with its parameters. */
    private static final class AgentLogs extends java.util.logging.Handler implements AutoCloseable {
        private final StringBuffer text = new StringBuffer();
        private final java.util.logging.SimpleFormatter format = new java.util.logging.SimpleFormatter();

        static AgentLogs capture() {
            AgentLogs logs = new AgentLogs();
            logs.setLevel(java.util.logging.Level.ALL);
            logs.attach();
            return logs;
        }

        void attach() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
            java.util.logging.Logger.getLogger("").addHandler(this);
            java.util.logging.Logger.getLogger("com.instore").setLevel(java.util.logging.Level.FINE);
        }

        @Override
        public void publish(java.util.logging.LogRecord record) {
            text.append(format.format(record));
        }

        String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
        }
    }

    @Test
    void enrol_refusesAHubWhoseCertificateDoesNotMatchThePinnedCa_andKeepsTheCode() throws Exception {
        String code = create("kiosk-pinned");
        String wrongPin = "ab".repeat(32);
        assertThatThrownBy(() -> new Enroller(new KioskState(dir.resolve("pinned"))).enrol(
                URI.create("https://localhost:" + httpsPort), code, Optional.of(wrongPin), Optional.empty()))
                .hasMessageContaining("pinned store CA");
        assertThat(new KioskState(dir.resolve("pinned")).enrolled()).isFalse();
        new Enroller(new KioskState(dir.resolve("pinned"))).enrol(URI.create("https://localhost:" + httpsPort), code,
                Optional.of(caSha256), Optional.empty());
        assertThat(new KioskState(dir.resolve("pinned")).enrolled()).isTrue();
    }

    private static String create(String kioskId) throws Exception {
        HttpResponse<String> created = call("POST", "/api/kiosks",
                "{\"kioskId\":\"" + kioskId + "\",\"zone\":\"coffee\",\"hardwareProfile\":\"default\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("code").asText();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return operator.send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String method, String path, String body) throws Exception {
        return JSON.readTree(call(method, path, body).body());
    }

    private static JsonNode json(String method, String path) throws Exception {
        return json(method, path, null);
    }

    private static JsonNode get(int port, String path) throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode post(int port, String path, String body) throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static SSLContext trusting(X509Certificate ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
