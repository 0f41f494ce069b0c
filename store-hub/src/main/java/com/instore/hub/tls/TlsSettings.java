package com.instore.hub.tls;

import io.helidon.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code hub.tls} node: whether the hub listens with TLS (MQTT and HTTPS) and with which certificate.
 *
 * @param enabled              TLS listeners on ({@code enabled}, default true)
 * @param mqttPort             MQTT over TLS port ({@code mqtt-port}; 0, the default: a free one; hub.yaml says 8883)
 * @param httpsPort            HTTPS port ({@code https-port}; 0, the default: a free one; hub.yaml says 8443)
 * @param plainMqtt            whether the plain TCP MQTT listener stays on ({@code plain-mqtt}, default true)
 * @param hostnames            names and addresses in the hub's certificate ({@code hostnames}; default localhost,
 *                             127.0.0.1 and this machine's name)
 * @param keystore             a given PKCS12 keystore with the hub's key and chain ({@code keystore}); empty: the store CA
 * @param keystorePasswordFile file holding that keystore's password ({@code keystore-password-file})
 */
public record TlsSettings(boolean enabled, int mqttPort, int httpsPort, boolean plainMqtt, List<String> hostnames,
                          Optional<Path> keystore, Optional<Path> keystorePasswordFile) {
    public TlsSettings {
        hostnames = List.copyOf(hostnames);
        if (hostnames.isEmpty()) {
            throw new IllegalArgumentException("hub.tls.hostnames must name at least one host");
        }
        if (!enabled && !plainMqtt) {
            throw new IllegalArgumentException("hub.tls.plain-mqtt: false needs hub.tls.enabled: true (no MQTT listener left)");
        }
        if (keystore.isPresent() != keystorePasswordFile.isPresent()) {
            throw new IllegalArgumentException("hub.tls.keystore and hub.tls.keystore-password-file go together");
        }
    }

    public static TlsSettings from(Config tls) {
        List<String> hosts = tls.get("hostnames").asList(String.class).orElseGet(TlsSettings::defaultHostnames);
        return new TlsSettings(tls.get("enabled").asBoolean().orElse(true),
                tls.get("mqtt-port").asInt().orElse(0),
                tls.get("https-port").asInt().orElse(0),
                tls.get("plain-mqtt").asBoolean().orElse(true),
                hosts,
                tls.get("keystore").asString().asOptional().map(Path::of),
                tls.get("keystore-password-file").asString().asOptional().map(Path::of));
    }

    private static List<String> defaultHostnames() {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1"));
        try {
            String own = InetAddress.getLocalHost().getHostName();
            if (!names.contains(own)) {
                names.add(own);
            }
        } catch (UnknownHostException e) {
            // localhost only
        }
        return names;
    }
}
