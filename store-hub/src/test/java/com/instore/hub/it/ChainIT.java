package com.instore.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.hub.HubConfig;
import com.instore.hub.StoreHub;
import com.instore.hub.db.DbConfig;
import com.instore.hub.db.TestDb;
import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.Channel;
import com.instore.protocol.Credential;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Chain mode end to end: a real Mosquitto (dynamic-security plugin) and one PostgreSQL shared by the hubs of two stores.
 * Store A has two hub instances sharing its taps (one in this JVM, one the packaged hub as a process, which the test
 * freezes and SIGKILLs mid-run); store B has one. Kiosks are real Paho clients with the identities the hubs generated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainIT {
    static final String A = "chain-a";
    static final String B = "chain-b";
    static final String CAMILLE_CARD = "04A22B1A5C8001"; // config/demo/members.csv, loaded by store A's hub only

    @TempDir
    static Path dir;
    static MosquittoProcess mosquitto;
    static DbConfig db;
    static StoreHub a1;
    static StoreHub b1;
    static Path passwordFile;
    final MessageCodec codec = new MessageCodec();

    @BeforeAll
    static void startChain() throws Exception {
        db = TestDb.POSTGRES.fresh(dir);
        String hubPassword = SecretFile.newSecret();
        passwordFile = dir.resolve("hub-mqtt.secret");
        Files.writeString(passwordFile, hubPassword);
        mosquitto = MosquittoProcess.start(dir.resolve("mosquitto"), "hub", hubPassword);
        Files.writeString(dir.resolve("identity.secret"), SecretFile.newSecret());
        Files.writeString(dir.resolve("broker-auth.secret"), "emqx-calls-with-this");
        storeFile(A, "k1", "k2");
        storeFile(B, "k1");
        a1 = hub(A, "a1", true);
        b1 = hub(B, "b1", false);
    }

    @AfterAll
    static void stopChain() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{b1, a1, mosquitto}) {
            if (c != null) {
                c.close();
            }
        }
    }

    static Path storeFile(String store, String... kiosks) throws Exception {
        StringBuilder yaml = new StringBuilder("store:\n  id: " + store + "\n  name: " + store + "\n  kiosks:\n");
        for (String k : kiosks) {
            yaml.append("    - { id: ").append(k).append(", zone: coffee }\n");
        }
        return Files.writeString(dir.resolve(store + ".yaml"), yaml);
    }

    static Map<String, String> chainSettings(String instance) {
        return Map.of("mqtt.mode", "external", "mqtt.external.uri", mosquitto.uri(),
                "mqtt.external.password-file", passwordFile.toString(), "mqtt.external.instance", instance,
                "mqtt.http-auth.secret-file", dir.resolve("broker-auth.secret").toString());
    }

    static StoreHub hub(String store, String instance, boolean members) throws Exception {
        Path data = dir.resolve(instance);
        Files.createDirectories(data);
        Path offers = Files.copy(Path.of("../config/offers.yaml"), data.resolve("offers.yaml"));
        HubConfig config = new HubConfig(data, dir.resolve(store + ".yaml"), offers,
                members ? Optional.of(Path.of("../config/demo/members.csv")) : Optional.empty(),
                dir.resolve("identity.secret"), "http://127.0.0.1:8080", "127.0.0.1", 0, "127.0.0.1", 0, db,
                Config.just(ConfigSources.create(chainSettings(instance))));
        return StoreHub.start(config);
    }

    static String secret(String instance, String kiosk) throws Exception {
        return SecretFile.read(dir.resolve(instance + "/kiosk-secrets/" + kiosk + ".secret"));
    }

    /** A kiosk of {@code store} with its own identity; the hub creates its Mosquitto account without waiting. */
    static TestClient kiosk(String store, String kiosk, String secret) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> TestClient.connect(mosquitto.port,
                "kiosk-" + store + "-" + kiosk, store + "/" + kiosk, secret), c -> true);
    }

    String tap(TestClient kiosk, KioskAddress address, String uid) throws Exception {
        TapEvent tap = new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(),
                address.kioskId(), "it-reader", new Credential(Credential.Type.CARD_UID, uid), 1);
        int[] reasons = kiosk.publish(address.topic(Channel.TAP), codec.encode(tap), false);
        assertThat(reasons).as("PUBACK of the tap").containsOnly(0);
        return tap.id();
    }

    ScreenUpdate screen(TestClient kiosk, String tapId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.received.stream()
                .filter(r -> r.topic().endsWith("/screen")).map(this::decode).filter(s -> s.tapId().equals(tapId))
                .findFirst(), Optional::isPresent).get();
    }

    ScreenUpdate decode(TestClient.Received r) {
        try {
            return codec.decode(r.message().getPayload(), ScreenUpdate.class);
        } catch (com.instore.protocol.InvalidMessageException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(1)
    void kiosk_onMosquitto_mayOnlyUseItsOwnSubtree_andWrongPasswordOrForeignClientIdIsRefused() throws Exception {
        String secret = secret("a1", "k1");
        try (TestClient k1 = kiosk(A, "k1", secret)) {
            assertThat(k1.publish("stores/chain-a/kiosks/k1/telemetry", "{}".getBytes(), false)[0]).isLessThan(128);
            assertThat(k1.publish("stores/chain-a/kiosks/k2/tap", "{}".getBytes(), false)).containsOnly(135);
            assertThat(k1.publish("stores/chain-b/kiosks/k1/tap", "{}".getBytes(), false)).containsOnly(135);
            assertThat(k1.subscribe("stores/chain-a/kiosks/k2/#")[0]).isGreaterThanOrEqualTo(128);
        }
        assertThatThrownBy(() -> TestClient.connect(mosquitto.port, "kiosk-chain-a-k1", "chain-a/k1", "wrong"))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> TestClient.connect(mosquitto.port, "kiosk-chain-a-k2", "chain-a/k1", secret))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> TestClient.connect(mosquitto.port, "anyone", null, null))
                .isInstanceOf(MqttException.class);
        try (TestClient monitor = TestClient.connect(mosquitto.port, "it-monitor", "monitor",
                SecretFile.read(dir.resolve("a1/monitor.secret")))) {
            assertThat(monitor.subscribe("stores/#")[0]).isLessThan(128);
            assertThat(monitor.publish("stores/chain-a/kiosks/k1/screen", "{}".getBytes(), false)).containsOnly(135);
        }
    }

    @Test
    @Order(2)
    void memberEnrolledAtStoreA_isRecognisedAtStoreB() throws Exception {
        try (TestClient bk = kiosk(B, "k1", secret("b1", "k1"))) {
            bk.subscribe("stores/chain-b/kiosks/k1/screen");
            String tapId = tap(bk, new KioskAddress(B, "k1"), CAMILLE_CARD);
            ScreenUpdate screen = screen(bk, tapId);
            assertThat(screen.kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);
            assertThat(screen.greeting()).contains("Camille");
        }
    }

    @Test
    @Order(3)
    void enrolledKiosk_onMosquitto_connects_andRetireDropsItWithinASecond() throws Exception {
        JsonNode identity = enrol("k9");
        assertThat(identity.get("mqttUri").asText()).isEqualTo(mosquitto.uri());
        TestClient k9 = kiosk(A, "k9", identity.get("password").asText());

        String token = SecretFile.read(dir.resolve("a1/operator.token"));
        long asked = System.nanoTime();
        HttpResponse<String> retired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + a1.httpPort() + "/api/kiosks/k9")).header("Authorization", "Bearer " + token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(retired.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5)).until(() -> !k9.isConnected());
        System.out.printf("ChainIT: retired kiosk dropped by Mosquitto %d ms after the DELETE was sent%n",
                (System.nanoTime() - asked) / 1_000_000);
        k9.close();
        assertThatThrownBy(() -> TestClient.connect(mosquitto.port, "kiosk-chain-a-k9", "chain-a/k9",
                identity.get("password").asText())).isInstanceOf(MqttException.class);
    }

    @Test
    @Order(4)
    void hubInstanceOfStoreA_frozenThenKilledMidRun_theOtherAnswersEveryTap_noneLostNoneDoubled() throws Exception {
        int a2Port = freePort();
        Process a2 = startPackagedHub(A, "a2", a2Port);
        // enrolled through the first instance after the second started: the second must still accept its taps
        JsonNode identity = enrol("k7");
        KioskAddress address = new KioskAddress(A, "k7");
        List<String> tapIds = new ArrayList<>();
        long started = System.nanoTime();
        try (TestClient k7 = kiosk(A, "k7", identity.get("password").asText())) {
            k7.subscribe(address.topic(Channel.SCREEN));
            for (int i = 0; i < 60; i++) {
                if (i == 20) {
                    for (String id : tapIds) {
                        screen(k7, id);
                    }
                    assertThat(tapsHandledBy(a2Port)).as("store A's second instance answered its share").isPositive();
                    signal(a2, "STOP"); // frozen: taps shared to it now wait unacknowledged in its session
                }
                if (i == 40) {
                    a2.destroyForcibly(); // SIGKILL: its Will tells store A's other instance to take the session over
                }
                tapIds.add(tap(k7, address, String.format("04%012X", i)));
            }
            for (String id : tapIds) {
                screen(k7, id);
            }
            System.out.printf("ChainIT: 60 taps, one of two hub instances frozen at tap 20 and SIGKILLed at tap 40:"
                    + " all answered %d ms after the first tap%n", (System.nanoTime() - started) / 1_000_000);
        } finally {
            a2.destroyForcibly();
        }
        String ids = "'" + String.join("','", tapIds) + "'";
        assertThat(query("SELECT COUNT(*) FROM taps WHERE tap_id IN (" + ids + ")")).isEqualTo(60);
        assertThat(query("SELECT SUM(taps) FROM tap_daily WHERE store_id = 'chain-a' AND kiosk_id = 'k7'"))
                .as("daily figures count each tap once").isEqualTo(60);
    }

    @Test
    @Order(5)
    void httpAuthEndpoint_answersLikeTheBrokerRules_andOnlyToCallersWithTheSharedSecret() throws Exception {
        String k1 = secret("a1", "k1");
        assertThat(brokerAuth("authn", "{\"username\":\"chain-a/k1\",\"password\":\"" + k1
                + "\",\"clientid\":\"kiosk-chain-a-k1\"}", true)).isEqualTo("allow");
        assertThat(brokerAuth("authn", "{\"username\":\"chain-a/k1\",\"password\":\"nope\","
                + "\"clientid\":\"kiosk-chain-a-k1\"}", true)).isEqualTo("deny");
        assertThat(brokerAuth("authn", "{\"username\":\"chain-b/k1\",\"password\":\"x\","
                + "\"clientid\":\"kiosk-chain-b-k1\"}", true)).as("store B's kiosk: store B's hub decides")
                .isEqualTo("ignore");
        assertThat(brokerAuth("authz", "{\"username\":\"chain-a/k1\",\"clientid\":\"kiosk-chain-a-k1\","
                + "\"topic\":\"stores/chain-a/kiosks/k1/tap\",\"action\":\"publish\"}", true)).isEqualTo("allow");
        assertThat(brokerAuth("authz", "{\"username\":\"chain-a/k1\",\"clientid\":\"kiosk-chain-a-k1\","
                + "\"topic\":\"stores/chain-a/kiosks/k2/tap\",\"action\":\"publish\"}", true)).isEqualTo("deny");
        assertThat(brokerAuth("authz", "{\"username\":\"monitor\",\"clientid\":\"m\","
                + "\"topic\":\"stores/chain-a/kiosks/k2/tap\",\"action\":\"publish\"}", true)).isEqualTo("deny");
        assertThat(brokerAuth("authz", "{\"username\":\"hub\",\"clientid\":\"hub-chain-a-a9\","
                + "\"topic\":\"$share/hub-chain-a/stores/chain-a/kiosks/+/tap\",\"action\":\"subscribe\"}", true))
                .isEqualTo("allow");
        assertThat(brokerAuth("authn", "{\"username\":\"chain-a/k1\",\"password\":\"" + k1
                + "\",\"clientid\":\"kiosk-chain-a-k1\"}", false)).as("without the shared secret").isEqualTo("403");
    }

    /** The {@code result} the hub answers (or the HTTP status when it is not 200). */
    static String brokerAuth(String what, String body, boolean withSecret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a1.httpPort() + "/broker/"
                + what)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (withSecret) {
            request.header("X-Broker-Auth", "emqx-calls-with-this");
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? new ObjectMapper().readTree(answer.body()).get("result").asText()
                : String.valueOf(answer.statusCode());
    }

    /** The packaged hub ({@code target/store-hub.jar}) as a second instance of {@code store}; blocks until ready. */
    static Process startPackagedHub(String store, String instance, int httpPort) throws Exception {
        Path data = dir.resolve(instance);
        Files.createDirectories(data);
        Path offers = Files.copy(Path.of("../config/offers.yaml"), data.resolve("offers.yaml"));
        Path config = Files.writeString(data.resolve("hub.yaml"), """
                hub:
                  data-dir: "%s"
                  store-file: "%s"
                  offers-file: "%s"
                  identity-secret-file: "%s"
                  public-url: http://127.0.0.1:%d
                  http: { host: 127.0.0.1, port: %d }
                  db: { url: "%s" }
                  mqtt:
                    mode: external
                    external: { uri: "%s", password-file: "%s", instance: %s }
                """.formatted(data, dir.resolve(store + ".yaml"), offers, dir.resolve("identity.secret"), httpPort,
                httpPort, db.url(), mosquitto.uri(), passwordFile, instance));
        Path log = Path.of("target/chain-it-" + instance + ".log"); // kept for a failure's post-mortem
        Process hub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", Path.of("target/store-hub.jar").toAbsolutePath().toString(),
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !hub.isAlive()
                || Files.readString(log).contains("store hub ready"));
        assertThat(hub.isAlive()).as(Files.readString(log)).isTrue();
        return hub;
    }

    static void signal(Process process, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor()).isZero();
    }

    static int freePort() throws Exception {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** First-seen taps the hub on {@code httpPort} handled (its Prometheus counter, every outcome). */
    static long tapsHandledBy(int httpPort) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + httpPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return Math.round(metrics.lines().filter(l -> l.startsWith("hub_taps_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
    }

    /** Creates kiosk {@code kioskId} of store A through hub a1's operator API and enrols it: its identity. */
    static JsonNode enrol(String kioskId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = SecretFile.read(dir.resolve("a1/operator.token"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a1.httpPort()
                        + "/api/kiosks")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"storeId":"chain-a","kioskId":"%s","zone":"coffee","hardwareProfile":"default"}"""
                        .formatted(kioskId))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = new ObjectMapper().readTree(created.body()).get("code").asText();
        HttpResponse<String> enrolled = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a1.httpPort()
                + "/api/enrol")).POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        return new ObjectMapper().readTree(enrolled.body());
    }

    static long query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
