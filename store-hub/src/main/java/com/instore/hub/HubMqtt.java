package com.instore.hub;

import com.instore.hub.broker.Accounts;
import com.instore.hub.broker.Broker;
import com.instore.hub.broker.BrokerAuth;
import com.instore.hub.broker.BrokerPersistence;
import com.instore.hub.external.ExternalBroker;
import com.instore.hub.external.ExternalMqtt;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.mqtt.Dispatcher;
import com.instore.hub.mqtt.HubClient;
import com.instore.hub.mqtt.InvalidMessages;
import com.instore.hub.mqtt.KioskRateLimit;
import com.instore.hub.provisioning.BrokerEndpoints;
import com.instore.hub.secrets.SecretFile;
import com.instore.hub.taps.TapPipeline;
import com.instore.protocol.Channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The hub's MQTT side, either the embedded HiveMQ or (chain mode) an external broker: the hub's client, how answers
 * reach kiosks' screens, how kiosks reach the broker, how to connect the client, whether the broker runs, the accounts
 * the broker rules check, and the bound ports (-1 for none). Built once by {@link StoreHub}, which owns (closes) what
 * {@code own} is given.
 */
record HubMqtt(HubClient client, TapPipeline.Answers toKiosks, BrokerEndpoints endpoints, Connector connect,
               BooleanSupplier up, Accounts accounts, int port, int tlsPort) {

    /** Connects the hub client with its handlers; blocking. */
    @FunctionalInterface
    interface Connector {
        void accept(Map<Channel, HubClient.Handler> handlers, Map<Channel, HubClient.Queued> queued) throws Exception;
    }

    /** Takes a resource for {@link StoreHub} to close, last started first. */
    @FunctionalInterface
    interface Owner {
        <T extends AutoCloseable> T own(T resource);
    }

    /**
     * The embedded HiveMQ with the hub's per-start password; kiosk rules asked of {@link Fleet} on every CONNECT. Taps and
     * the answers to kiosks' screens go in-process, through the broker itself, not over the hub's own MQTT connection
     * (bench/BENCHMARKS.md: lower latency, and a quarter more taps per second in memory); everything else goes over the
     * hub's client.
     */
    static HubMqtt embedded(HubConfig config, KioskOps kioskOps, Fleet fleet, String monitorSecret,
                            ExecutorService pipeline, InvalidMessages invalid, Owner owner) throws Exception {
        byte[] hubPassword = SecretFile.newSecret().getBytes(StandardCharsets.UTF_8);
        Accounts accounts = new Accounts(fleet.storeId(), fleet::fingerprint,
                SecretFile.sha256Hex(hubPassword), SecretFile.sha256Hex(monitorSecret));
        Broker broker = owner.own(Broker.start(config.dataDir().resolve("broker"), kioskOps.listeners(), accounts,
                BrokerPersistence.from(config.features().get("mqtt"))));
        HubClient client = owner.own(HubClient.create(kioskOps.hubClientUri(broker), Accounts.hubClientId(fleet.storeId()),
                pipeline, invalid));
        kioskOps.secure(client);
        Connector connect = (handlers, queued) -> {
            Map<Channel, HubClient.Queued> overMqtt = new HashMap<>(queued);
            HubClient.Queued taps = overMqtt.remove(Channel.TAP);
            if (taps != null) {
                Dispatcher inProcess = owner.own(new Dispatcher(pipeline, invalid, KioskRateLimit.defaults()));
                inProcess.handlers(Map.of(), Map.of(Channel.TAP, taps));
                broker.takeTaps(inProcess::dispatch);
            }
            client.connect(Accounts.HUB_USER, hubPassword, handlers, overMqtt);
        };
        return new HubMqtt(client, broker::publish, kioskOps.endpoints(broker), connect, broker::isRunning, accounts,
                broker.port(), broker.tlsPort());
    }

    /** Chain mode: an external broker (Mosquitto); kiosk accounts kept there (dynsec), taps shared among instances. */
    static HubMqtt external(ExternalMqtt settings, Fleet fleet, String monitorSecret, ExecutorService pipeline,
                            InvalidMessages invalid, Owner owner) throws Exception {
        ExternalBroker broker = owner.own(ExternalBroker.connect(settings, fleet.storeId(), monitorSecret));
        fleet.sharedWithOtherInstances();
        fleet.accounts(broker.accounts());
        HubClient client = owner.own(broker.hubClient(pipeline, invalid));
        String kioskUri = broker.kioskUri();
        BrokerEndpoints endpoints = new BrokerEndpoints(kioskUri.startsWith("tcp://") ? kioskUri : null,
                kioskUri.startsWith("ssl://") ? kioskUri : null, null, clientId -> {
        });
        return new HubMqtt(client, client::publish, endpoints, (handlers, queued) -> {
            broker.connect(client, handlers, queued);
            broker.watchPeers(handlers, queued, pipeline, invalid);
        }, () -> true, new Accounts(fleet.storeId(), fleet::fingerprint, broker.passwordSha256(),
                SecretFile.sha256Hex(monitorSecret)), -1, -1);
    }

    /** The HTTP auth endpoint for an external broker (EMQX), when {@code hub.mqtt.http-auth.secret-file} is set. */
    static Optional<BrokerAuth> brokerAuth(io.helidon.config.Config node, Accounts accounts) throws IOException {
        Optional<String> secretFile = node.get("secret-file").asString().asOptional();
        if (secretFile.isEmpty()) {
            return Optional.empty();
        }
        java.util.Set<String> sources = java.util.Set.copyOf(node.get("allow-from").asList(String.class)
                .orElse(java.util.List.of()));
        return Optional.of(new BrokerAuth(accounts, SecretFile.read(Path.of(secretFile.get())), sources));
    }
}
