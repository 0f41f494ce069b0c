package com.instore.bench.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * HiveMQ CE embedded, configured like the hub's broker: per-kiosk credentials and topic rules (an embedded extension),
 * server receive maximum raised, in-memory persistence, no usage statistics. Netty's sockets run with TCP_NODELAY by default.
 */
final class EmbeddedHiveMq implements Broker {
    private static final int RECEIVE_MAXIMUM = 1_000;

    private final EmbeddedHiveMQ hivemq;
    private final MqttEndpoint endpoint;

    private EmbeddedHiveMq(EmbeddedHiveMQ hivemq, MqttEndpoint endpoint) {
        this.hivemq = hivemq;
        this.endpoint = endpoint;
    }

    static EmbeddedHiveMq start(Accounts accounts, Path workDir) {
        int port = FreePort.find();
        Path home = workDir.resolve("hivemq");
        try {
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(home.resolve("conf/config.xml"), configXml(port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare HiveMQ folders in " + home, e);
        }
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .withEmbeddedExtension(extension(new BenchAuthenticator(accounts)))
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("embedded HiveMQ did not start: " + e.getMessage(), e);
        }
        return new EmbeddedHiveMq(hivemq, MqttEndpoint.loopback(port));
    }

    static String configXml(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                    </listeners>
                    <mqtt>
                        <receive-maximum><server-receive-maximum>%d</server-receive-maximum></receive-maximum>
                        <queued-messages><max-queue-size>100000</max-queue-size></queued-messages>
                    </mqtt>
                    <persistence><mode>in-memory</mode></persistence>
                    <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, RECEIVE_MAXIMUM);
    }

    private static EmbeddedExtension extension(BenchAuthenticator authenticator) {
        return EmbeddedExtension.builder()
                .withId("bench-auth").withName("bench accounts").withVersion("1").withPriority(1000)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
                        // Nothing to release: the authenticator holds only the run's accounts.
                    }
                })
                .build();
    }

    @Override
    public MqttEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return Brokers.EMBEDDED_HIVEMQ;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            System.err.println("bench: embedded HiveMQ did not stop cleanly: " + e.getMessage());
        }
    }
}
