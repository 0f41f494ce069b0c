package com.instore.hub;

import com.instore.hub.broker.Broker;
import com.instore.hub.broker.Listeners;
import com.instore.hub.db.Database;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.mqtt.HubClient;
import com.instore.hub.provisioning.BrokerEndpoints;
import com.instore.hub.provisioning.Provisioning;
import com.instore.hub.provisioning.ProvisioningConfig;
import com.instore.hub.tls.HubTls;
import com.instore.hub.tls.NoDelaySslSocketFactory;
import com.instore.hub.tls.TlsSettings;
import com.instore.protocol.Channel;
import com.instore.protocol.MessageCodec;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kiosk-security features of issue 7, wired in one place: TLS material (store CA or given keystore), the broker's
 * listeners, the hub client's transport, provisioning (enrolment, desired configuration, store file, commands) and the
 * HTTPS listener. {@link StoreHub} calls these in start order. Reads {@code hub.tls} and {@code hub.provisioning}.
 */
final class KioskOps {
    static final String HTTPS = "https";

    private final HubConfig config;
    private final TlsSettings tls;
    private final Optional<HubTls> material;
    private Provisioning provisioning;

    private KioskOps(HubConfig config, TlsSettings tls, Optional<HubTls> material) {
        this.config = config;
        this.tls = tls;
        this.material = material;
    }

    /** Prepares TLS material (creating the store CA at first start) before the broker starts. */
    static KioskOps prepare(HubConfig config, String storeId, Clock clock) throws IOException {
        TlsSettings tls = TlsSettings.from(config.features().get("tls"));
        Optional<HubTls> material = tls.enabled()
                ? Optional.of(HubTls.prepare(tls, config.dataDir(), storeId, clock)) : Optional.empty();
        return new KioskOps(config, tls, material);
    }

    Listeners listeners() {
        return new Listeners(config.mqttHost(), tls.plainMqtt() ? config.mqttPort() : -1, material.map(m ->
                new Listeners.Tls(tls.mqttPort(), m.keystore(), m.keystorePassword())));
    }

    /** The hub client's broker URI: plain on loopback when that listener is on, else TLS ({@link #secure}). */
    String hubClientUri(Broker broker) {
        return tls.plainMqtt() ? "tcp://127.0.0.1:" + broker.port() : "ssl://127.0.0.1:" + broker.tlsPort();
    }

    /** Over TLS, the hub client trusts our own CA only. */
    void secure(HubClient client) throws GeneralSecurityException, IOException {
        if (!tls.plainMqtt()) {
            client.socketFactory(NoDelaySslSocketFactory.trusting(material.orElseThrow().identity().trustAnchor()));
        }
    }

    /** Provisioning, built before the hub client connects (it subscribes to the channels {@link #handlers} names). */
    Provisioning provisioning(Database db, Fleet fleet, HubClient client, BrokerEndpoints endpoints, int httpsPort,
                              MessageCodec codec, Clock clock) {
        String host = URI.create(config.publicUrl()).getHost();
        String enrolUrl = material.isPresent() ? "https://" + host + ":" + httpsPort : config.publicUrl();
        provisioning = new Provisioning(ProvisioningConfig.from(config.features().get("provisioning")), config.storeFile(),
                db, fleet, client, endpoints, enrolUrl, codec, clock);
        return provisioning;
    }

    /** How kiosks reach the embedded broker, told to them at enrolment. */
    BrokerEndpoints endpoints(Broker broker) {
        String host = URI.create(config.publicUrl()).getHost();
        return new BrokerEndpoints(
                tls.plainMqtt() ? "tcp://" + host + ":" + broker.port() : null,
                material.isPresent() ? "ssl://" + host + ":" + broker.tlsPort() : null,
                material.map(HubTls::caPem).orElse(null), broker::disconnect);
    }

    Map<Channel, HubClient.Handler> handlers() {
        return Map.of(Channel.CONFIG_REPORTED, provisioning.reports(), Channel.COMMAND_RESULT, provisioning.results());
    }

    /** The HTTPS port to announce before the server starts (0 becomes a free port now, so enrolment URLs are right). */
    int httpsPort() throws IOException {
        if (material.isEmpty() || tls.httpsPort() != 0) {
            return tls.httpsPort();
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Adds the HTTPS listener (same routes) when TLS is on. */
    void https(WebServerConfig.Builder server, int port, Consumer<HttpRouting.Builder> routes) {
        material.ifPresent(m -> server.putSocket(HTTPS, s -> s.host(config.httpHost()).port(port)
                        .tls(t -> t.privateKey(m.identity().key()).privateKeyCertChain(m.identity().chain())))
                .routing(HTTPS, routes));
    }
}
