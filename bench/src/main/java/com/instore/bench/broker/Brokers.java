package com.instore.bench.broker;

import com.instore.bench.mqtt.Accounts;

import java.io.PrintStream;
import java.nio.file.Path;

/** Starts the brokers a run can use. Each call blocks until the broker accepts connections. */
public final class Brokers {
    /** The report name of HiveMQ CE embedded, the floor's or the hub's own: hub and floor rows pair up by broker name. */
    public static final String EMBEDDED_HIVEMQ = "hivemq-ce-embedded";

    private Brokers() {
    }

    /** HiveMQ CE embedded in this JVM, listening on a free loopback port. */
    public static Broker embeddedHiveMq(Accounts accounts, Path workDir) {
        return EmbeddedHiveMq.start(accounts, workDir);
    }

    /** An external Mosquitto process on a free loopback port; installs Debian's package first if it is missing. */
    public static Broker mosquitto(Accounts accounts, Path workDir, PrintStream log) {
        MosquittoInstall.ensureInstalled(log);
        return MosquittoBroker.start(accounts, workDir, log);
    }
}
