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
import org.junit.jupiter.api.Test;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Store autonomy end to end: two store hubs, each with its own embedded broker and SQLite, linked to one central
 * PostgreSQL through this test's TCP proxy (the "WAN link"). A member of store A's demo file is recognised at store B
 * after a sync; with the link cut both stores keep greeting her and giving points, store A is restarted meanwhile; with
 * the link back the centre holds every tap of both stores exactly once and her points are the sum of both stores'.
 * Erased at store B, she is erased at the centre and at store A.
 */
class StoreAutonomyIT {
    static final String CAMILLE = "m-0001";
    static final String CAMILLE_CARD = "04A22B1A5C8001"; // config/demo/members.csv: GOLD, 1840 points
    static final long SEED_POINTS = 1840;
    static final long POINTS_PER_VISIT = 50;

    @TempDir
    Path dir;
    final MessageCodec codec = new MessageCodec();
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    /** A store: its hub and one kiosk on the hub's own broker. */
    record Store(String id, StoreHub hub, Path data, TestClient kiosk) implements AutoCloseable {
        KioskAddress address() {
            return new KioskAddress(id, "k1");
        }

        @Override
        public void close() {
            kiosk.close();
            hub.close();
        }
    }

    @Test
    void storesWorkAloneWhileTheCentreIsAway_andTheCentreEndsWithEveryTapOnce() throws Exception {
        long started = System.nanoTime();
        DbConfig centre = TestDb.POSTGRES.fresh(dir);
        URI pg = URI.create(centre.url().substring("jdbc:".length()));
        Files.writeString(dir.resolve("identity.secret"), SecretFile.newSecret());
        try (TcpProxy link = new TcpProxy(pg.getPort())) {
            String linked = centre.url().replace(":" + pg.getPort() + "/", ":" + link.port() + "/");
            Store a = start("auto-a", linked, true);
            Store b = start("auto-b", linked, false);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> count(b, "SELECT COUNT(*) FROM member_credentials "
                        + "WHERE member_id = '" + CAMILLE + "'") == 1);
                assertThat(tap(b).kind()).as("store B knows A's member after a sync").isEqualTo(ScreenUpdate.Kind.MEMBER);
                tapAndCheckPoints(a, 2, -1);
                awaitLink(a, "UP", true);
                awaitLink(b, "UP", true);

                link.cut();
                long cutAt = System.nanoTime();
                awaitLink(a, "DOWN", false);
                awaitLink(b, "DOWN", false);
                long downSeenMs = (System.nanoTime() - cutAt) / 1_000_000;
                tapAndCheckPoints(a, 10, count(a, camillePoints()));
                tapAndCheckPoints(b, 5, count(b, camillePoints()));
                assertThat(chain(a).get("outboxDepth").asLong()).isGreaterThanOrEqualTo(10);
                long unshippedBefore = count(a, "SELECT COUNT(*) FROM taps WHERE chain_shipped IS NULL");

                long restartAt = System.nanoTime();
                a.close(); // restarted during the outage: its outbox is its database
                a = start("auto-a", linked, true);
                long restartMs = (System.nanoTime() - restartAt) / 1_000_000;
                assertThat(count(a, "SELECT COUNT(*) FROM taps WHERE chain_shipped IS NULL")).isEqualTo(unshippedBefore);
                tapAndCheckPoints(a, 3, count(a, camillePoints()));
                System.out.printf("StoreAutonomyIT: link cut for %d ms (both stores DOWN after %d ms, A restarted in %d ms),"
                        + " store A %d taps unshipped before its restart%n", (System.nanoTime() - cutAt) / 1_000_000,
                        downSeenMs, restartMs, unshippedBefore);

                long restoredAt = System.nanoTime();
                link.restore();
                awaitLink(a, "UP", true);
                awaitLink(b, "UP", true);
                System.out.printf("StoreAutonomyIT: both outboxes drained %d ms after the link came back%n",
                        (System.nanoTime() - restoredAt) / 1_000_000);
                assertCentre(centre, 15, 6);
                long total = SEED_POINTS + 21 * POINTS_PER_VISIT;
                Store restarted = a;
                await().atMost(Duration.ofSeconds(20)).until(() -> count(restarted, camillePoints()) == total
                        && count(b, camillePoints()) == total);
                assertThat(get(b, "/metrics").body()).contains("hub_chain_link_up 1.0", "hub_chain_outbox_depth 0.0");

                // erased at store B: the centre and store A follow, and her card is a stranger at A again
                assertThat(send(b, HttpRequest.newBuilder().DELETE(), "/api/members/" + CAMILLE).statusCode())
                        .isEqualTo(200);
                long erasedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(20)).until(() -> count(restarted, camillePoints()) == 0);
                System.out.printf("StoreAutonomyIT: erased at B, gone at A after %d ms%n",
                        (System.nanoTime() - erasedAt) / 1_000_000);
                assertThat(tap(restarted).kind()).isEqualTo(ScreenUpdate.Kind.WELCOME);
                try (Connection c = DriverManager.getConnection(centre.url()); Statement s = c.createStatement()) {
                    assertThat(one(s, "SELECT COUNT(*) FROM members WHERE member_id = '" + CAMILLE + "'")).isZero();
                    assertThat(one(s, "SELECT COUNT(*) FROM taps WHERE member_id = '" + CAMILLE + "'")).isZero();
                }
            } finally {
                Thread closingB = Thread.ofVirtual().start(b::close); // each embedded broker takes ~5 s to stop
                a.close();
                closingB.join();
            }
        }
        System.out.printf("StoreAutonomyIT: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /** Store A: 2 + 10 + 3 taps; store B: 1 + 5; every one earned points and reached the centre once. */
    void assertCentre(DbConfig centre, int tapsA, int tapsB) throws Exception {
        try (Connection c = DriverManager.getConnection(centre.url()); Statement s = c.createStatement()) {
            int taps = tapsA + tapsB;
            assertThat(one(s, "SELECT COUNT(*) FROM taps WHERE store_id = 'auto-a'")).isEqualTo(tapsA);
            assertThat(one(s, "SELECT COUNT(*) FROM taps WHERE store_id = 'auto-b'")).isEqualTo(tapsB);
            assertThat(one(s, "SELECT COUNT(*) FROM visits")).isEqualTo(taps);
            assertThat(one(s, "SELECT SUM(points) FROM visits")).isEqualTo(taps * POINTS_PER_VISIT);
            assertThat(one(s, "SELECT SUM(taps) FROM tap_daily")).isEqualTo(taps);
            assertThat(one(s, "SELECT points FROM members WHERE member_id = '" + CAMILLE + "'"))
                    .isEqualTo(SEED_POINTS + taps * POINTS_PER_VISIT);
            assertThat(one(s, "SELECT visits FROM members WHERE member_id = '" + CAMILLE + "'")).isEqualTo(taps);
            System.out.printf("StoreAutonomyIT: centre has %d taps (A %d, B %d), %d visits, %d points in the ledger, "
                            + "Camille %d points%n", one(s, "SELECT COUNT(*) FROM taps"), tapsA, tapsB,
                    one(s, "SELECT COUNT(*) FROM visits"), one(s, "SELECT SUM(points) FROM visits"),
                    one(s, "SELECT points FROM members WHERE member_id = '" + CAMILLE + "'"));
        }
    }

    /**
     * Taps Camille's card {@code n} times; each answer greets her and shows 50 points more than the one before, the first
     * 50 more than {@code before} (-1: balances not checked). Returns her last balance.
     */
    long tapAndCheckPoints(Store store, int n, long before) throws Exception {
        long points = before;
        for (int i = 0; i < n; i++) {
            ScreenUpdate answer = tap(store);
            assertThat(answer.kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);
            assertThat(answer.greeting()).isEqualTo("Hello Camille!");
            assertThat(answer.member().pointsEarned()).isEqualTo(POINTS_PER_VISIT);
            if (before >= 0) { // with the link up, a sync between two taps may add another store's points
                assertThat(answer.member().points()).isEqualTo(points + POINTS_PER_VISIT);
            }
            points = answer.member().points();
        }
        return points;
    }

    ScreenUpdate tap(Store store) throws Exception {
        TapEvent tap = new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "k1", "it-reader",
                new Credential(Credential.Type.CARD_UID, CAMILLE_CARD), 1);
        assertThat(store.kiosk().publish(store.address().topic(Channel.TAP), codec.encode(tap), false))
                .containsOnly(TestClient.TAKEN_IN_PROCESS);
        return await().atMost(Duration.ofSeconds(15)).until(() -> store.kiosk().received.stream()
                .map(r -> decode(r.message().getPayload())).filter(s -> s.tapId().equals(tap.id())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    ScreenUpdate decode(byte[] payload) {
        try {
            return codec.decode(payload, ScreenUpdate.class);
        } catch (com.instore.protocol.InvalidMessageException e) {
            throw new AssertionError(e);
        }
    }

    Store start(String id, String centreUrl, boolean members) throws Exception {
        Path data = dir.resolve(id);
        Files.createDirectories(data);
        Path storeFile = Files.writeString(dir.resolve(id + ".yaml"),
                "store:\n  id: " + id + "\n  name: " + id + "\n  kiosks:\n    - { id: k1, zone: coffee }\n");
        Path offers = Files.copy(Path.of("../config/offers.yaml"), data.resolve("offers.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Config features = Config.just(ConfigSources.create(Map.of("chain.db.url", centreUrl,
                "chain.sync-interval", "PT0.3S", "chain.max-backoff", "PT1S", "chain.connect-timeout", "PT1S",
                "loyalty.card-uid-earns-points", "true", "loyalty.visit-period", "PT0S")));
        HubConfig config = new HubConfig(data, storeFile, offers,
                members ? Optional.of(Path.of("../config/demo/members.csv")) : Optional.empty(),
                dir.resolve("identity.secret"), "http://127.0.0.1:8080", "127.0.0.1", 0, "127.0.0.1", 0,
                DbConfig.sqlite(data.resolve("hub.db")), features);
        StoreHub hub = StoreHub.start(config);
        TestClient kiosk = TestClient.connect(hub.mqttPort(), "kiosk-" + id + "-k1", id + "/k1",
                SecretFile.read(data.resolve("kiosk-secrets/k1.secret")));
        Store store = new Store(id, hub, data, kiosk);
        kiosk.subscribe(store.address().topic(Channel.SCREEN));
        return store;
    }

    JsonNode chain(Store store) throws Exception {
        HttpResponse<String> res = get(store, "/api/chain");
        assertThat(res.statusCode()).isEqualTo(200);
        return json.readTree(res.body());
    }

    HttpResponse<String> get(Store store, String path) throws Exception {
        return send(store, HttpRequest.newBuilder().GET(), path);
    }

    /** A request with the store's bootstrap API token. */
    HttpResponse<String> send(Store store, HttpRequest.Builder request, String path) throws Exception {
        return http.send(request.uri(URI.create("http://127.0.0.1:" + store.hub().httpPort() + path))
                        .header("Authorization", "Bearer " + SecretFile.read(store.data().resolve("api.secret"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void awaitLink(Store store, String state, boolean drained) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            JsonNode status = chain(store);
            return state.equals(status.get("link").asText()) && (!drained || status.get("outboxDepth").asLong() == 0);
        });
    }

    static String camillePoints() {
        return "SELECT points FROM members WHERE member_id = '" + CAMILLE + "'";
    }

    static long count(Store store, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.data().resolve("hub.db"));
             Statement s = c.createStatement()) {
            return one(s, sql);
        }
    }

    static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
