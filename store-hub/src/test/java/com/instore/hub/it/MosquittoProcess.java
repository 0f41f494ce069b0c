package com.instore.hub.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Mosquitto (Debian's, installed by .ci/setup-test-env) on a free loopback port with the dynamic-security plugin,
 * initialised by {@code mosquitto_ctrl dynsec init} with one admin account (the hub's). Anonymous clients are refused.
 */
final class MosquittoProcess implements AutoCloseable {
    static final List<Path> PLUGIN_PLACES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so"),
            Path.of("/usr/lib/mosquitto_dynamic_security.so"));

    final int port;
    private final Process process;

    private MosquittoProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts Mosquitto with data under {@code dir}; blocks until it listens. */
    static MosquittoProcess start(Path dir, String adminUser, String adminPassword) throws Exception {
        Files.createDirectories(dir);
        Path dynsec = dir.resolve("dynamic-security.json");
        run(List.of("mosquitto_ctrl", "dynsec", "init", dynsec.toString(), adminUser, adminPassword));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path plugin = PLUGIN_PLACES.stream().filter(Files::exists).findFirst()
                .orElseThrow(() -> new IllegalStateException("mosquitto_dynamic_security.so not found"));
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, """
                per_listener_settings false
                listener %d 127.0.0.1
                allow_anonymous false
                plugin %s
                plugin_opt_config_file %s
                set_tcp_nodelay true
                max_inflight_messages 1000
                max_queued_messages 100000
                persistence true
                persistence_location %s/
                user %s
                log_dest stderr
                log_type error
                log_type warning
                """.formatted(port, plugin, dynsec, dir, System.getProperty("user.name")));
        Process process = new ProcessBuilder("mosquitto", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target/it-mosquitto-" + port + ".log").toFile()).start();
        MosquittoProcess mosquitto = new MosquittoProcess(port, process);
        await().atMost(Duration.ofSeconds(10)).until(() -> listening(port));
        return mosquitto;
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

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
