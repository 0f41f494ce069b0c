package com.instore.hub.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import com.instore.hub.mqtt.Arrival;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The store's MQTT broker: HiveMQ CE embedded, with our authentication and per-topic permissions ({@link AccessRules}).
 * Data lives under {@code <dir>/data}, its config is written to {@code <dir>/conf/config.xml} at every start.
 * The hub can take kiosks' taps and send kiosks messages in-process ({@link #takeTaps}, {@link #publish}) instead of
 * through an MQTT connection of its own. {@link #start} blocks until the broker listens; {@link #close} blocks until it
 * stopped.
 */
public final class Broker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    private final EmbeddedHiveMQ hivemq;
    private final int port;
    private final int tlsPort;
    private volatile boolean running;

    private final AtomicReference<Started> services;
    private final KioskTaps taps;

    /** This broker's own services, taken when its extension starts ({@link Services} points at the last one started). */
    private record Started(ClientService clients, PublishService publishes) {
    }

    private Broker(EmbeddedHiveMQ hivemq, int port, int tlsPort, AtomicReference<Started> services, KioskTaps taps) {
        this.services = services;
        this.taps = taps;
        this.hivemq = hivemq;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Starts the broker on {@code host:port} ({@code port} 0: a free one) with data under {@code dir}. */
    public static Broker start(Path dir, String host, int port, Accounts accounts) throws IOException {
        return start(dir, new Listeners(host, port, Optional.empty()), accounts, BrokerPersistence.FILE);
    }

    /**
     * Starts the broker with the given listeners (ports 0: free ones) and data under {@code dir}, kept on disk or in memory
     * as {@code persistence} says.
     */
    public static Broker start(Path dir, Listeners listeners, Accounts accounts, BrokerPersistence persistence)
            throws IOException {
        String host = listeners.host();
        int bound = listeners.plainPort() == 0 ? freePort(host) : listeners.plainPort();
        int tlsBound = listeners.tls().map(t -> t.port() == 0 ? freePortUnchecked(host) : t.port()).orElse(-1);
        BrokerConfigXml.write(dir.resolve("conf"), host, bound, tlsBound,
                listeners.tls().map(Listeners.Tls::keystore).orElse(null),
                listeners.tls().map(Listeners.Tls::keystorePassword).orElse(null), persistence);
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("extensions"));
        AtomicReference<Started> services = new AtomicReference<>();
        KioskTaps taps = new KioskTaps(accounts.storeId());
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(dir.resolve("conf"))
                .withDataFolder(dir.resolve("data"))
                .withExtensionsFolder(dir.resolve("extensions"))
                .withEmbeddedExtension(extension(new HubAuthenticator(new AccessRules(accounts)), taps, services))
                .withoutLoggingBootstrap()
                .build();
        // The embedded builder switched "deny unauthenticated" off; switch it back on, so that no client gets in
        // unauthenticated, not even in the moment before our extension has registered its authenticator.
        InternalConfigurations.AUTH_DENY_UNAUTHENTICATED_CONNECTIONS.set(true);
        Broker broker = new Broker(hivemq, bound, tlsBound, services, taps);
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            broker.close();
            throw new IOException("the MQTT broker did not start on " + host + ":" + bound, e);
        }
        broker.running = true;
        return broker;
    }

    private static EmbeddedExtension extension(HubAuthenticator authenticator, KioskTaps taps,
                                               AtomicReference<Started> services) {
        return EmbeddedExtension.builder()
                .withId("instore-hub-auth")
                .withName("In-store hub authentication")
                .withVersion("1")
                .withAuthor("instore")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
                        Services.initializerRegistry().setClientInitializer((client, context) -> {
                            if (taps.mayBeKiosk(client.getClientInformation().getClientId())) {
                                context.addPublishInboundInterceptor(taps);
                            }
                        });
                        services.set(new Started(Services.clientService(), Services.publishService()));
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
                    }
                })
                .build();
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return probe.getLocalPort();
        }
    }

    private static int freePortUnchecked(String host) {
        try {
            return freePort(host);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The MQTT over TLS port, -1 without a TLS listener. */
    public int tlsPort() {
        return tlsPort;
    }

    /**
     * Drops a client's live connection now (a retired kiosk), without its Will, and removes its session. Returns at once;
     * the broker closes the socket in the background, typically within milliseconds.
     */
    public void disconnect(String clientId) {
        Started started = services.get();
        if (started == null) {
            return;
        }
        ClientService service = started.clients();
        service.disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED, "credentials revoked")
                .whenComplete((done, error) -> service.invalidateSession(clientId));
    }

    /**
     * From now on, kiosks' taps go to {@code hub} in-process (see {@link KioskTaps}) instead of to subscribers; {@code hub}
     * acknowledges each one exactly once, when it is done with it, and must not block.
     */
    public void takeTaps(Consumer<Arrival> hub) {
        taps.takeBy(hub);
    }

    /**
     * Publishes at QoS 1 from inside the broker, without waiting: a kiosk's answer with its expiry and MQTT correlation
     * data, as the hub's own connection would send it. Returns false (and logs) when the broker is not running; a
     * publish the broker fails later is logged.
     */
    public boolean publish(String topic, byte[] payload, byte[] correlationData, long expirySeconds) {
        Started started = services.get();
        if (started == null || !running) {
            LOG.log(System.Logger.Level.WARNING, "cannot publish to {0}: the broker is not running", topic);
            return false;
        }
        var publish = Builders.publish().topic(topic).qos(Qos.AT_LEAST_ONCE).payload(ByteBuffer.wrap(payload))
                .correlationData(ByteBuffer.wrap(correlationData)).messageExpiryInterval(expirySeconds)
                .contentType("application/json").build();
        started.publishes().publish(publish).whenComplete((done, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "cannot publish to {0}: {1}", topic, error.getMessage());
            }
        });
        return true;
    }

    /** The MQTT port the broker listens on (-1 without a plain listener). */
    public int port() {
        return port;
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "the MQTT broker did not stop cleanly: {0}", e.getMessage());
        }
    }
}
