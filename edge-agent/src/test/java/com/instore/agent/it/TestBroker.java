package com.instore.agent.it;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT 5 broker (HiveMQ CE embedded) on a free loopback port, with in-memory persistence (a restart loses every
 * session, which is what a kiosk must survive). No auth extension: it accepts any client, fine for the agent's tests.
 * A small server receive maximum makes the agent's publish window matter.
 */
final class TestBroker implements AutoCloseable {
    static final int RECEIVE_MAXIMUM = 5;

    private final Path folder;
    private final int port;
    private EmbeddedHiveMQ broker;

    private TestBroker(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    static TestBroker start(Path tempDir) {
        TestBroker broker = new TestBroker(tempDir, freePort());
        broker.writeConfig();
        broker.startBroker();
        return broker;
    }

    int port() {
        return port;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    void stop() {
        try {
            broker.stop().get(30, TimeUnit.SECONDS);
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("broker did not stop", e);
        }
        broker = null;
    }

    /** Starts a fresh broker on the same port (sessions are gone). */
    void restart() {
        startBroker();
    }

    private void startBroker() {
        broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(folder.resolve("conf"))
                .withDataFolder(folder.resolve("data"))
                .withExtensionsFolder(folder.resolve("extensions"))
                .withoutLoggingBootstrap()
                .build();
        try {
            broker.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not start on port " + port, e);
        }
    }

    private void writeConfig() {
        try {
            Files.createDirectories(folder.resolve("conf"));
            Files.createDirectories(folder.resolve("data"));
            Files.createDirectories(folder.resolve("extensions"));
            Files.writeString(folder.resolve("conf/config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener>
                          <port>%d</port>
                          <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                      </listeners>
                      <mqtt>
                        <receive-maximum>
                          <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                      </mqtt>
                      <persistence>
                        <mode>in-memory</mode>
                      </persistence>
                      <anonymous-usage-statistics>
                        <enabled>false</enabled>
                      </anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port, RECEIVE_MAXIMUM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (broker != null) {
            stop();
        }
    }
}
