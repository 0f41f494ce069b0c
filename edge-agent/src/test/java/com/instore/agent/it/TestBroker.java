package com.instore.agent.it;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT 5 broker (HiveMQ CE embedded) on a free loopback port, with in-memory persistence (a restart loses every
 * session, which is what a kiosk must survive). It accepts any client, fine for the agent's tests, unless started
 * with {@link #requiringPassword}: then an authenticator refuses any other password with MQTT 5's reason 134, as the
 * hub's broker does.
 * A small server receive maximum makes the agent's publish window matter.
 */
final class TestBroker implements AutoCloseable {
    static final int RECEIVE_MAXIMUM = 5;

    private final Path folder;
    private final int port;
    private final String password;
    private EmbeddedHiveMQ broker;

    private TestBroker(Path folder, int port, String password) {
        this.folder = folder;
        this.port = port;
        this.password = password;
    }

    static TestBroker start(Path tempDir) {
        return start(tempDir, null);
    }

    /** A broker that lets in only clients presenting {@code password} (any user name). */
    static TestBroker requiringPassword(Path tempDir, String password) {
        return start(tempDir, password);
    }

    private static TestBroker start(Path tempDir, String password) {
        TestBroker broker = new TestBroker(tempDir, freePort(), password);
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
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(folder.resolve("conf"))
                .withDataFolder(folder.resolve("data"))
                .withExtensionsFolder(folder.resolve("extensions"))
                .withoutLoggingBootstrap();
        if (password != null) {
            builder.withEmbeddedExtension(passwordCheck(password.getBytes(StandardCharsets.UTF_8)));
        }
        broker = builder.build();
        try {
            broker.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not start on port " + port, e);
        }
    }

    private static EmbeddedExtension passwordCheck(byte[] expected) {
        SimpleAuthenticator authenticator = (input, output) -> {
            byte[] given = input.getConnectPacket().getPassword().map(buffer -> {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                return bytes;
            }).orElse(new byte[0]);
            if (Arrays.equals(given, expected)) {
                output.authenticateSuccessfully();
            } else {
                output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong password");
            }
        };
        return EmbeddedExtension.builder().withId("test-password").withName("test password check").withVersion("1")
                .withAuthor("test").withPriority(1000).withStartPriority(1000)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
                    }
                }).build();
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
