package com.instore.bench;

import com.instore.bench.broker.Brokers;
import com.instore.bench.hub.InProcessHub;
import com.instore.bench.load.Roster;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

import java.io.PrintStream;
import java.nio.file.Path;

/** The real store hub with its embedded HiveMQ broker as the system under test. */
final class HubSystem implements SystemUnderTest {
    private final InProcessHub hub;

    private HubSystem(InProcessHub hub) {
        this.hub = hub;
    }

    static HubSystem start(BenchOptions options, Roster roster, Path dir, PrintStream out) {
        Accounts accounts = Accounts.generate(BenchOptions.STORE_ID, options.kiosks());
        InProcessHub hub = InProcessHub.start(accounts, roster, options.offersFile(), dir);
        out.printf("bench: hub started with %d kiosks and %d members%n", options.kiosks(), roster.members().size());
        return new HubSystem(hub);
    }

    @Override
    public String target() {
        return "hub";
    }

    @Override
    public String broker() {
        return Brokers.EMBEDDED_HIVEMQ;
    }

    @Override
    public MqttEndpoint endpoint() {
        return hub.endpoint();
    }

    @Override
    public Accounts accounts() {
        return hub.accounts();
    }

    @Override
    public void close() {
        hub.close();
    }
}
