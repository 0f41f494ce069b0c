package com.instore.agent;

import com.instore.agent.action.ActionService;
import com.instore.agent.devices.KioskDevices;
import com.instore.agent.link.MqttLink;
import com.instore.agent.ops.HealthService;
import com.instore.agent.ops.Liveness;
import com.instore.agent.ops.MetricsService;
import com.instore.agent.outbox.SqliteOutbox;
import com.instore.agent.printer.KioskPrinter;
import com.instore.agent.screen.Redraws;
import com.instore.agent.screen.ScreenBroadcaster;
import com.instore.agent.screen.ScreenService;
import com.instore.agent.simulate.SimulateService;
import com.instore.agent.simulate.SimulatedPrinterService;
import com.instore.agent.tap.TapPipeline;
import com.instore.devices.DeviceStatus;
import com.instore.devices.printer.simulated.SimulatedPrinter;
import com.instore.protocol.Channel;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.MessageCodec;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kiosk runtime, wired explicitly: devices (reader, printer, indicator), screen, tap pipeline, MQTT link, health and
 * metrics. Used by
 * {@link Main} and, in-process, by the integration tests. Not thread-safe: start once, close once.
 */
public final class EdgeAgent implements AutoCloseable {
    private final MessageCodec codec = new MessageCodec();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock = Clock.systemUTC();
    private final ScreenBroadcaster screen = new ScreenBroadcaster();
    private final AtomicReference<DeviceStatus> readerStatus = new AtomicReference<>(DeviceStatus.offline("starting"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tap-timers").daemon().factory());
    private final Liveness liveness = new Liveness();
    private volatile String screenUrl = "";
    private SqliteOutbox outbox;
    private KioskDevices devices;
    private KioskPrinter printer;
    private TapPipeline pipeline;
    private MqttLink link;
    private ScreenServer server;
    private KioskManagement management;
    private volatile java.util.function.Consumer<java.util.List<String>> restartHook;

    /**
     * Starts everything; the link connects in the background (the screen works without the hub).
     *
     * @return the port the screen is served on
     * @throws IllegalStateException or IllegalArgumentException when the configuration cannot be used (e.g. no password)
     */
    public int start(AgentConfig config) {
        devices = KioskDevices.open(config.reader(), config.printer(), config.indicator());
        outbox = SqliteOutbox.unopened(config.outbox(), codec, registry);
        printer = KioskPrinter.start(config.printer(), devices.printer(), state -> pipeline.showForTap(state),
                this::deviceHealthChanged, registry);
        link = MqttLink.create(config.mqtt(), new OutboxAlerts(new KioskStatuses(config.kiosk().kioskId(), version(),
                () -> devices.readerHealth(readerStatus.get()), this::printerHealth, () -> screenUrl, clock),
                outbox::health), outbox, codec, registry);
        outbox.onHealthChange(link::statusChanged);
        pipeline = TapPipeline.create(config.tap(), config.kiosk(), devices.feedback(screen), link::sendTap,
                outbox::nextSeq, this::readerStatusChanged, clock, timers, registry);
        server = new ScreenServer(config.screen(), routing -> routes(routing, config), screen);
        management = new KioskManagement(config, link, pipeline::answerTimeout, running(config),
                java.util.Optional.ofNullable(restartHook), screen::settings, desired -> new KioskCommands(config.kiosk(),
                devices, screen, () -> server.restart(java.time.Duration.ofSeconds(7)), desired, this::mqttConnected,
                outbox::health, version(), clock), codec, clock);
        liveness.watch("mqtt-link", link::ping, timers);
        liveness.watch("tap-pipeline", pipeline::ping, timers);
        // The link first: Paho takes ~0.3 s to start a connection's threads (it polls them every 100 ms), which
        // opening the outbox and starting the screen server overlap. The link's calls into the outbox wait for its
        // open; the hub hears ONLINE only once the screen serves and the reader is open.
        link.announceLater();
        link.start(management.listener(printer.takingPrintJobs(new Redraws(pipeline, screen, pipeline::showForTap))));
        outbox.open();
        int screenPort = server.start();
        screenUrl = "http://" + config.screen().host() + ":" + screenPort + "/";
        devices.reader().start(devices.feedback(pipeline));
        link.announce();
        return screenPort;
    }

    private void routes(HttpRouting.Builder routing, AgentConfig config) {
        routing.register("/screen", new ScreenService(screen, codec))
                .register("/action", new ActionService(config.kiosk(), () -> screen.current().tapId(),
                        payload -> link.publish(config.kiosk().topic(Channel.ACTION), payload, false, null), codec, clock))
                .register("/health", new HealthService(config.kiosk().toString(), this::mqttConnected, link::problem,
                        () -> KioskStatuses.health(devices.readerHealth(readerStatus.get())), outbox::health,
                        liveness, codec))
                .register("/metrics", new MetricsService(registry));
        management.routes(routing);
        devices.simulatedReader().ifPresent(reader -> routing.register("/simulate", new SimulateService(reader, codec)));
        routing.get("/simulate/indicator", (req, res) -> res.send(codec.encode(devices.simulatedSignals())));
        devices.printer().filter(SimulatedPrinter.class::isInstance).ifPresent(printer -> routing.register("/simulate",
                new SimulatedPrinterService((SimulatedPrinter) printer, codec)));
        routing.register("/", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("/kiosk").welcome("index.html").build()));
    }

    private void readerStatusChanged(DeviceStatus status) {
        readerStatus.set(status);
        deviceHealthChanged();
    }

    /** Any device's health changed: the retained status is published again. */
    private void deviceHealthChanged() {
        if (link != null) {
            link.statusChanged();
        }
    }

    private DeviceHealth printerHealth() {
        return printer.health().map(KioskStatuses::health)
                .orElse(new DeviceHealth(DeviceHealth.State.ABSENT, "no printer configured"));
    }

    /**
     * Called (on the config thread) when a new configuration needs devices restarted; {@link Main} rebuilds the agent
     * around them. Without it such settings take effect at the next start. Set before {@link #start}.
     */
    public void onRestartNeeded(java.util.function.Consumer<java.util.List<String>> hook) {
        this.restartHook = hook;
    }

    private static com.instore.agent.config.KioskTargets.Running running(AgentConfig config) {
        return new com.instore.agent.config.KioskTargets.Running(config.reader().type(),
                config.reader().spec().option("debounce-ms").map(Long::parseLong).orElse(-1L), config.printer().uri());
    }

    /** Whether the MQTT link is up. */
    public boolean mqttConnected() {
        return link != null && link.connected();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8081/}. */
    public String screenUrl() {
        return screenUrl;
    }

    /** Stops reading, ends the page streams, stops the server, says OFFLINE and disconnects. Blocks a few seconds at most. */
    @Override
    public void close() {
        if (devices != null) {
            devices.stopReading();
        }
        if (printer != null) {
            printer.close();
        }
        screen.close();
        if (server != null) {
            server.close();
        }
        if (management != null) {
            management.close();
        }
        if (link != null) {
            link.close();
        }
        timers.shutdownNow();
        if (devices != null) {
            devices.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        registry.close();
    }

    private static String version() {
        String version = EdgeAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
