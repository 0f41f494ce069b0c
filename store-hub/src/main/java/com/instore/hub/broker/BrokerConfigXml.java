package com.instore.hub.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * The HiveMQ {@code config.xml} we write at every start (so the file always matches hub.yaml). What we set and why:
 * <ul>
 *   <li>a plain TCP listener on hub.mqtt.host/port (can be switched off) and a TLS listener with the hub's keystore
 *   (issue 7);</li>
 *   <li>server receive maximum {@value #RECEIVE_MAXIMUM} (HiveMQ's default is 10): Paho caps a client's in-flight QoS 1
 *   publishes at the broker's value and throws "too many publishes in progress" beyond it;</li>
 *   <li>file persistence unless {@code hub.mqtt.persistence} says in-memory ({@link BrokerPersistence});</li>
 *   <li>no empty client ids (every identity has a fixed one) and no usage statistics (the store may have no internet).</li>
 * </ul>
 * TCP_NODELAY is not configurable in HiveMQ CE's config.xsd: HiveMQ's Netty bootstrap always sets it on accepted sockets
 * ({@code childOption(TCP_NODELAY, true)} in {@code HiveMQNettyBootstrap}), which is what we need.
 */
final class BrokerConfigXml {
    static final int RECEIVE_MAXIMUM = 1000;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]{1,253}");

    private BrokerConfigXml() {
    }

    static void write(Path configDir, String host, int port) throws IOException {
        write(configDir, host, port, -1, null, null, BrokerPersistence.FILE);
    }

    /**
     * Writes the config with a plain listener on {@code port} (-1: none) and a TLS listener on {@code tlsPort} (-1: none)
     * using the PKCS12 {@code keystore}, keeping the broker's data as {@code persistence} says. The file holds the keystore
     * password, so it is created owner-only.
     */
    static void write(Path configDir, String host, int port, int tlsPort, Path keystore, String keystorePassword,
                      BrokerPersistence persistence) throws IOException {
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("hub.mqtt.host is not a host name or address: '" + host + "'");
        }
        Files.createDirectories(configDir);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the store hub at every start from hub.yaml: edit hub.yaml, not this file. -->
                <hivemq>
                    <listeners>
                %s
                    </listeners>
                    <mqtt>
                        <receive-maximum>
                            <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <security>
                        <allow-empty-client-id>
                            <enabled>false</enabled>
                        </allow-empty-client-id>
                    </security>
                    <persistence>
                        <mode>%s</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(plain(port, host) + tls(tlsPort, host, keystore, keystorePassword), RECEIVE_MAXIMUM,
                persistence.mode());
        Path file = configDir.resolve("config.xml");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    private static String plain(int port, String host) {
        return port < 0 ? "" : """
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>mqtt</name>
                        </tcp-listener>
                """.formatted(port, host);
    }

    /** TLS 1.2/1.3, no client certificates (kiosks authenticate with their secret). */
    private static String tls(int port, String host, Path keystore, String password) {
        return port < 0 ? "" : """
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>mqtt-tls</name>
                            <tls>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                                <protocols>
                                    <protocol>TLSv1.3</protocol>
                                    <protocol>TLSv1.2</protocol>
                                </protocols>
                                <client-authentication-mode>NONE</client-authentication-mode>
                            </tls>
                        </tls-tcp-listener>
                """.formatted(port, host, xmlText(keystore.toAbsolutePath().toString()), xmlText(password),
                xmlText(password));
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
