package com.instore.bench;

import com.instore.bench.broker.Broker;
import com.instore.bench.broker.Brokers;
import com.instore.bench.hub.InProcessHub;
import com.instore.bench.load.Roster;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real store hub as the system under test: with its embedded HiveMQ, or (chain mode, {@code hub.mqtt.mode: external})
 * on a Mosquitto the harness starts, where the hub logs in with the harness's hub account (no dynsec: the harness's
 * password file and ACL hold every account, as for the floor).
 */
final class HubSystem implements SystemUnderTest {
    private final InProcessHub hub;
    private final Optional<Broker> external;

    private HubSystem(InProcessHub hub, Optional<Broker> external) {
        this.hub = hub;
        this.external = external;
    }

    static HubSystem start(BenchOptions options, Roster roster, Path dir, PrintStream out) {
        Accounts accounts = Accounts.generate(BenchOptions.STORE_ID, options.kiosks());
        Optional<Broker> external = options.broker() == BenchOptions.BrokerKind.MOSQUITTO
                ? Optional.of(Brokers.mosquitto(accounts, dir.resolve("mosquitto"), out)) : Optional.empty();
        try {
            InProcessHub hub = InProcessHub.start(accounts, roster, options.offersFile(), dir,
                    external.map(Broker::endpoint), options.hubPersistence());
            out.printf("bench: hub started with %d kiosks and %d members%n", options.kiosks(), roster.members().size());
            return new HubSystem(hub, external);
        } catch (RuntimeException e) {
            external.ifPresent(Broker::close);
            throw e;
        }
    }

    @Override
    public String target() {
        return "hub";
    }

    @Override
    public String broker() {
        return external.map(Broker::name).orElse(Brokers.EMBEDDED_HIVEMQ);
    }

    @Override
    public MqttEndpoint endpoint() {
        return external.map(Broker::endpoint).orElseGet(hub::endpoint);
    }

    @Override
    public Accounts accounts() {
        return hub.accounts();
    }

    @Override
    public void close() {
        try {
            hub.close();
        } finally {
            external.ifPresent(Broker::close);
        }
    }
}
