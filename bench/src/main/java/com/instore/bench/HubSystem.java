package com.instore.bench;

import com.instore.bench.hub.InProcessHub;
import com.instore.bench.load.Roster;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

import java.io.PrintStream;
import java.nio.file.Path;

/** The real store hub with its embedded HiveMQ broker as the system under test. */
final class HubSystem implements SystemUnderTest {
    /** The same name as the floor's embedded broker, so that hub and floor rows pair up for the ratio. */
    static final String BROKER = "hivemq-ce-embedded";

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
        return BROKER;
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
