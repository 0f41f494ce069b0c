package com.instore.bench.hub;

import com.instore.bench.broker.ChildProcess;
import com.instore.bench.broker.FreePort;
import com.instore.bench.load.Roster;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;
import com.instore.bench.report.ProcStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The packaged store hub ({@code store-hub/target/store-hub.jar}) in a process of its own, with the same generated files
 * as {@link InProcessHub} and {@code config/hub.yaml} for the rest (TLS off, loopback ports): what a store runs, so its
 * resident memory and CPU are the hub's alone, not shared with the load generator. Its log is {@code <dir>/hub.log}; the
 * end of it is in the error when the hub does not start. Paths are relative to the repository root, where it runs.
 * Closing stops it (SIGTERM, then SIGKILL after 20 s).
 */
public final class HubProcess implements AutoCloseable {
    private static final Path JAR = Path.of("store-hub/target/store-hub.jar");
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final int mqttPort;
    private final Accounts accounts;

    private HubProcess(Process process, int mqttPort, Accounts accounts) {
        this.process = process;
        this.mqttPort = mqttPort;
        this.accounts = accounts;
    }

    /** Starts the hub with {@code jvmFlags} and blocks until its {@code /health} says UP. */
    public static HubProcess start(Accounts accounts, Roster roster, Path offersFile, Path dir, String persistence,
                                   List<String> jvmFlags) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it first (./run build)");
        }
        Path store = dir.resolve("store.yaml");
        Path members = dir.resolve("members.csv");
        StoreYaml.write(store, accounts);
        roster.writeCsv(members);
        int mqttPort = FreePort.find();
        int httpPort = FreePort.find();
        Map<String, String> settings = new TreeMap<>(Map.of("hub.data-dir", dir.resolve("data").toString(),
                "hub.store-file", store.toString(), "hub.members-file", members.toString(),
                "hub.offers-file", offersFile.toAbsolutePath().toString(), "hub.http.host", "127.0.0.1",
                "hub.http.port", String.valueOf(httpPort), "hub.mqtt.host", "127.0.0.1",
                "hub.mqtt.port", String.valueOf(mqttPort), "hub.mqtt.persistence", persistence,
                "hub.tls.enabled", "false"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmFlags);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString(), "--config", "config/hub.yaml"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("hub.log").toFile()).start();
            HubProcess hub = new HubProcess(process, mqttPort, accounts);
            hub.awaitHealthy(httpPort, dir.resolve("hub.log"));
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + JAR, e);
        }
    }

    private void awaitHealthy(int httpPort, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub process ended at start (exit " + process.exitValue() + "):\n"
                        + tail(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("the hub process was not healthy within " + STARTUP.toSeconds() + " s:\n"
                + tail(log));
    }

    /** The end of the hub's log, for the error (the work directory goes when the run ends). */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public MqttEndpoint endpoint() {
        return MqttEndpoint.loopback(mqttPort);
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The process's CPU time so far (user + system, all threads), in seconds; -1 when unreadable. */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The process's resident memory now ({@code VmRSS}) and at its peak ({@code VmHWM}), in MB; -1 when unreadable. */
    public long[] residentMb() {
        String pid = String.valueOf(process.pid());
        return new long[] {ProcStatus.mb(pid, "VmRSS"), ProcStatus.mb(pid, "VmHWM")};
    }

    @Override
    public void close() {
        ChildProcess.stop(process, 20);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
