package com.instore.hub;

import com.instore.hub.api.JsonReply;
import com.instore.hub.broker.BrokerAuth;
import com.instore.hub.chain.ChainLink;
import com.instore.hub.db.Database;
import com.instore.hub.external.ExternalMqtt;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.loyalty.LoyaltyConfig;
import com.instore.hub.members.Members;
import com.instore.hub.mqtt.HubClient;
import com.instore.hub.mqtt.InvalidMessages;
import com.instore.hub.observe.ObserveService;
import com.instore.hub.offers.OffersConfig;
import com.instore.hub.provisioning.Provisioning;
import com.instore.hub.secrets.SecretFile;
import com.instore.hub.taps.AnswerTiming;
import com.instore.protocol.Channel;
import com.instore.protocol.MessageCodec;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The whole hub, wired explicitly: database, members, kiosks, broker, the hub's MQTT client with the shopper features
 * ({@link Shoppers}: taps, actions, offers, coupons, join pages), and the HTTP server. {@link #start} blocks until
 * everything listens; {@link #close} stops it in reverse order (HTTP, MQTT
 * client, pipeline, broker, database). Used by {@link Main} and by the integration tests (on free ports).
 */
public final class StoreHub implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StoreHub.class.getName());

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private int httpPort;
    private int mqttPort;
    private int mqttTlsPort = -1;
    private int httpsPort = -1;

    private StoreHub() {
    }

    /** Starts the hub; on failure everything already started is stopped again. */
    public static StoreHub start(HubConfig config) throws Exception {
        StoreHub hub = new StoreHub();
        try {
            hub.wire(config);
            return hub;
        } catch (Exception | Error e) {
            hub.close();
            throw e;
        }
    }

    private void wire(HubConfig config) throws Exception {
        Clock clock = Clock.systemUTC();
        MessageCodec codec = new MessageCodec();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        createOwnerOnly(config.dataDir());
        Database db = own(Database.open(config.db()));
        String storeSecret = SecretFile.readOrCreate(config.storeSecretFile());
        Members members = new Members(db, storeSecret);
        if (config.membersFile().isPresent()) {
            LOG.log(System.Logger.Level.INFO, "loaded {0} demo members", members.load(config.membersFile().get()));
        }
        Fleet fleet = Fleet.open(config.storeFile(), config.dataDir(), db, codec, clock, Provisioning.notRetired(db));
        KioskOps kioskOps = KioskOps.prepare(config, fleet.storeId(), clock);
        JsonReply replies = new JsonReply(codec);

        String monitorSecret = SecretFile.readOrCreate(config.dataDir().resolve("monitor.secret"));
        ExecutorService pipeline = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("hub-pipeline").daemon()
                .factory());
        own(() -> stop(pipeline));
        InvalidMessages invalid = new InvalidMessages(registry, clock);
        Optional<ExternalMqtt> external = ExternalMqtt.from(config.features().get("mqtt"));
        HubMqtt mqtt = external.isPresent()
                ? HubMqtt.external(external.get(), fleet, monitorSecret, pipeline, invalid, this::own)
                : HubMqtt.embedded(config, kioskOps, fleet, monitorSecret, pipeline, invalid, this::own);
        mqttPort = mqtt.port();
        mqttTlsPort = mqtt.tlsPort();
        HubClient client = mqtt.client();
        int httpsPort = kioskOps.httpsPort();
        Provisioning provisioning = kioskOps.provisioning(db, fleet, client, mqtt.endpoints(), httpsPort, codec, clock);
        Shoppers shoppers = new Shoppers(config, db, members, fleet, storeSecret, codec, replies, mqtt.toKiosks(),
                registry, clock);
        Optional<ChainLink> chain = ChainLink.start(config.features().get("chain"), db, shoppers.erasure::erase,
                LoyaltyConfig.from(config.features().get("loyalty")).zone(), registry, codec, clock);
        chain.ifPresent(this::own); // store autonomy: this store's database reconciles with the chain's centre
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("hub-timers").daemon().factory());
        own(() -> stop(timers));
        shoppers.schedule(timers, OffersConfig.from(config.features().get("offers")).reloadInterval());
        Map<Channel, HubClient.Handler> handlers = new HashMap<>(Map.of(
                Channel.ACTION, shoppers.actions::handle,
                Channel.STATUS, in -> fleet.onStatus(in.address().kiosk(), in.payload(), in.retained())));
        handlers.putAll(kioskOps.handlers());
        // closed before the client: its last batch still acknowledges its taps
        own(shoppers.taps.start(AnswerTiming.from(config.features().get("taps"), external.isEmpty())));
        if (external.isPresent()) {
            own(() -> client.leave(3_000)); // first: unsubscribe, so the store's other hubs get the taps from now on
        }
        mqtt.connect().accept(handlers, Map.of(Channel.TAP, shoppers.taps));
        provisioning.start(timers);

        Optional<BrokerAuth> brokerAuth = HubMqtt.brokerAuth(config.features().get("mqtt.http-auth"),
                mqtt.accounts());
        Staff staff = new Staff(config, db, fleet, shoppers.taps, codec, clock);
        Consumer<HttpRouting.Builder> routes = r -> {
            staff.routes(r);
            r.register(new ObserveService(Map.of(
                            "broker", () -> mqtt.up().getAsBoolean() && client.isConnected(),
                            "db", db::isHealthy), registry, codec))
                    .register(provisioning.routes());
            shoppers.routes(r);
            brokerAuth.ifPresent(r::register);
            chain.ifPresent(r::register);
        };
        WebServerConfig.Builder server = WebServer.builder().host(config.httpHost()).port(config.httpPort()).routing(routes);
        kioskOps.https(server, httpsPort, routes);
        WebServer http = server.build().start();
        own(http::stop);
        httpPort = http.port();
        this.httpsPort = http.hasTls(KioskOps.HTTPS) ? http.port(KioskOps.HTTPS) : -1;
    }

    /** The data directory holds secrets and members' data: owner-only when we create it. */
    private static void createOwnerOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    private static void stop(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    /** The bound HTTP port. */
    public int httpPort() {
        return httpPort;
    }

    /** The bound HTTPS port, -1 without TLS. */
    public int httpsPort() {
        return httpsPort;
    }

    /** The bound MQTT over TLS port of the embedded broker, -1 without TLS. */
    public int mqttTlsPort() {
        return mqttTlsPort;
    }

    /** The bound MQTT port of the embedded broker (-1 when the plain listener is off). */
    public int mqttPort() {
        return mqttPort;
    }

    /** Stops everything, last started first; never throws. */
    @Override
    public synchronized void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "error while stopping the hub", e);
            }
        }
    }
}
