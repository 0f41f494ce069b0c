package com.instore.bench.broker;

import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A Mosquitto process started for one run from generated files ({@link MosquittoConfig}); closing stops it. */
final class MosquittoBroker implements Broker {
    private final Process process;
    private final MqttEndpoint endpoint;
    private final String version;

    private MosquittoBroker(Process process, MqttEndpoint endpoint, String version) {
        this.process = process;
        this.endpoint = endpoint;
        this.version = version;
    }

    static MosquittoBroker start(Accounts accounts, Path workDir, PrintStream log) {
        Path dir = workDir.resolve("mosquitto");
        MosquittoConfig config = new MosquittoConfig(FreePort.find(), dir.resolve("passwd"), dir.resolve("acl"),
                System.getProperty("user.name"));
        Path conf = dir.resolve("mosquitto.conf");
        Path logFile = dir.resolve("mosquitto.log");
        try {
            Files.createDirectories(dir);
            Files.writeString(config.passwordFile(), MosquittoConfig.plainPasswords(accounts));
            Files.writeString(config.aclFile(), MosquittoConfig.acl(accounts));
            Files.writeString(conf, config.mosquittoConf());
            runQuietly(MosquittoInstall.MOSQUITTO_PASSWD.toString(), "-U", config.passwordFile().toString());
            Process process = new ProcessBuilder(MosquittoInstall.MOSQUITTO.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            MqttEndpoint endpoint = MqttEndpoint.loopback(config.port());
            awaitListening(process, endpoint, logFile);
            log.println("bench: Mosquitto listening on " + endpoint.uri() + " (config " + conf + ")");
            return new MosquittoBroker(process, endpoint, version());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto in " + dir, e);
        }
    }

    private static void awaitListening(Process process, MqttEndpoint endpoint, Path logFile) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": "
                        + Files.readString(logFile).strip());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("mosquitto did not listen on " + endpoint.uri() + " within 15 s");
    }

    private static void runQuietly(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static String version() {
        try {
            Process process = new ProcessBuilder(MosquittoInstall.MOSQUITTO.toString(), "-h").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            process.waitFor(5, TimeUnit.SECONDS);
            return first.replaceFirst("^mosquitto version ", "").strip();
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mosquitto", e);
        }
    }

    @Override
    public MqttEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return "mosquitto " + version;
    }

    @Override
    public void close() {
        ChildProcess.stop(process, 5);
    }
}
