package com.instore.bench;

import com.instore.bench.broker.Brokers;
import com.instore.bench.hub.HubProcess;
import com.instore.bench.load.Roster;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The packaged hub in its own process on its embedded HiveMQ ({@code --hub-process}): after each step it reports the
 * process's own CPU (cores since the previous call) and resident memory, which the in-process runs cannot separate
 * from the load generator's.
 */
final class HubProcessSystem implements SystemUnderTest {
    private final HubProcess hub;
    private double cpuBefore;
    private long nanosBefore = System.nanoTime();

    private HubProcessSystem(HubProcess hub) {
        this.hub = hub;
        this.cpuBefore = hub.cpuSeconds();
    }

    static HubProcessSystem start(BenchOptions options, Roster roster, Path dir, List<String> jvmFlags, PrintStream out) {
        Accounts accounts = Accounts.generate(BenchOptions.STORE_ID, options.kiosks());
        HubProcess hub = HubProcess.start(accounts, roster, options.offersFile(), dir, options.hubPersistence(), jvmFlags);
        out.printf("bench: hub process started (%s) with %d kiosks and %d members%n", String.join(" ", jvmFlags),
                options.kiosks(), roster.members().size());
        return new HubProcessSystem(hub);
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
    public Optional<String> figures() {
        double cpu = hub.cpuSeconds();
        long now = System.nanoTime();
        double cores = (cpu - cpuBefore) / ((now - nanosBefore) / 1e9);
        cpuBefore = cpu;
        nanosBefore = now;
        long[] mb = hub.residentMb();
        return Optional.of(String.format(Locale.ROOT,
                "hub process: %.2f cores in the measured window, RSS %d MB (peak %d MB)", cores, mb[0], mb[1]));
    }

    @Override
    public void close() {
        hub.close();
    }
}
