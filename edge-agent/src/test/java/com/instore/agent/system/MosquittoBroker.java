package com.instore.agent.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Debian's Mosquitto (installed by .ci/setup-test-env) as the chain-mode broker of a fault-injection run, configured by
 * the shipped {@code config/brokers/mosquitto.conf} (persistence, autosave interval, dynamic security) with only its
 * places changed: a free loopback port and a directory of the run's own. It can be SIGKILLed and started again on the
 * same port and persistence directory. The hub's account is made by {@code mosquitto_ctrl dynsec init}, as
 * {@code config/brokers/mosquitto-dynsec-init.sh} does; the hub creates the kiosks' accounts itself.
 * <p>
 * A copy for edge-agent's system tests of what store-hub's {@code MosquittoProcess} does, written for restarts; sharing
 * the other would need a store-hub test-jar. Not thread-safe: the chaos thread alone starts and kills it.
 */
final class MosquittoBroker implements AutoCloseable {
    private static final List<Path> PLUGIN_PLACES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so"),
            Path.of("/usr/lib/mosquitto_dynamic_security.so"));

    private final int port = freePort();
    private final Path conf;
    private final Path passwordFile;
    private final Path log;
    private Process process;

    /** Writes the configuration and the dynsec file with the hub's account under {@code dir}; starts nothing. */
    MosquittoBroker(Path repo, Path dir, Path logDir) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("data"));
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        passwordFile = Files.writeString(dir.resolve("hub-mqtt.secret"), HexFormat.of().formatHex(secret));
        Path dynsec = data.resolve("dynamic-security.json");
        run(List.of("mosquitto_ctrl", "dynsec", "init", dynsec.toString(), "hub", Files.readString(passwordFile)));
        conf = Files.writeString(dir.resolve("mosquitto.conf"),
                shipped(repo.resolve("config/brokers/mosquitto.conf"), dynsec, data));
        log = logDir.resolve("mosquitto.log");
    }

    /** The shipped configuration with this run's port, plugin, dynsec file and persistence directory. */
    private String shipped(Path file, Path dynsec, Path data) throws IOException {
        Path plugin = PLUGIN_PLACES.stream().filter(Files::exists).findFirst()
                .orElseThrow(() -> new IllegalStateException("mosquitto_dynamic_security.so not found: run .ci/setup-test-env"));
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String key = line.split(" ", 2)[0];
            out.append(switch (key) {
                case "listener" -> "listener " + port + " 127.0.0.1";
                case "plugin" -> "plugin " + plugin;
                case "plugin_opt_config_file" -> "plugin_opt_config_file " + dynsec;
                case "persistence_location" -> "persistence_location " + data + "/";
                default -> line;
            }).append('\n');
        }
        // Run as root, Mosquitto would drop to the user "mosquitto", who may not read the run's directory.
        return out.append("user ").append(System.getProperty("user.name"))
                .append("\nlog_dest stderr\nlog_type error\nlog_type warning\nlog_type notice\n").toString();
    }

    /** Starts Mosquitto on its port and persistence directory; blocks until it listens. */
    MosquittoBroker start() throws IOException {
        process = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Process started = process;
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .failFast("mosquitto exited (log " + log + ")", () -> !started.isAlive())
                .until(() -> listening(port));
        return this;
    }

    /** SIGKILL: Mosquitto keeps only what its last autosave wrote. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int port() {
        return port;
    }

    /** The hub's settings for chain mode on this broker (system properties of the hub process). */
    Map<String, String> hubSettings() {
        return Map.of("hub.mqtt.mode", "external",
                "hub.mqtt.external.uri", "tcp://127.0.0.1:" + port,
                "hub.mqtt.external.password-file", passwordFile.toString(),
                "hub.mqtt.external.instance", "faults");
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** SIGTERM: Mosquitto saves its database on the way out. */
    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
