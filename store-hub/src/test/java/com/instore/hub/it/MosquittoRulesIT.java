package com.instore.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.hub.secrets.SecretFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker's rules proven with Debian's Mosquitto clients ({@code mosquitto_pub}/{@code mosquitto_sub}, installed by
 * .ci/setup-test-env), over TLS with the store CA: a kiosk writing under another kiosk, the monitor publishing and an
 * anonymous client are refused; a kiosk under its own subtree gets through; plain TCP can be switched off.
 */
class MosquittoRulesIT {
    @TempDir
    static Path dir;
    static ProvisionedHub hub;
    static Path caFile;

    @BeforeAll
    static void startHub() throws Exception {
        hub = ProvisionedHub.start(dir, Map.of());
        caFile = hub.dataDir.resolve("tls/ca.pem");
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    record Run(int exit, String output) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** {@code mosquitto_pub} over TLS trusting the store CA, MQTT 5, QoS 1 (so a refusal comes back as reason 135). */
    static Run publish(String clientId, String user, String password, String topic) throws Exception {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-V", "mqttv5", "-q", "1", "-h", "localhost",
                "-p", String.valueOf(hub.hub.mqttTlsPort()), "--cafile", caFile.toString(), "-i", clientId,
                "-t", topic, "-m", "{}"));
        if (user != null) {
            command.addAll(List.of("-u", user, "-P", password));
        }
        return run(command);
    }

    static JsonNode enrolled(String kioskId) throws Exception {
        return ProvisionedHub.parse(hub.enrol(hub.create(kioskId)).body());
    }

    @Test
    void kiosk_publishingUnderItsOwnSubtree_overTlsWithTheStoreCa_succeeds() throws Exception {
        JsonNode me = enrolled("mosq-own");
        Run own = publish(me.get("clientId").asText(), me.get("username").asText(), me.get("password").asText(),
                "stores/demo-store/kiosks/mosq-own/telemetry");
        assertThat(own.exit()).as(own.output()).isZero();
        assertThat(own.output()).doesNotContainIgnoringCase("not authorized");
    }

    @Test
    void kiosk_publishingUnderAnotherKiosk_isRefused() throws Exception {
        JsonNode me = enrolled("mosq-thief");
        Run forged = publish(me.get("clientId").asText(), me.get("username").asText(), me.get("password").asText(),
                "stores/demo-store/kiosks/entrance/screen");
        // mosquitto_pub exits 0 but reports the PUBACK reason 135; HiveMQ then disconnects it.
        assertThat(forged.output()).containsIgnoringCase("Publish 1 failed: Not authorized");
    }

    @Test
    void monitor_cannotPublish() throws Exception {
        String password = SecretFile.read(hub.dataDir.resolve("monitor.secret"));
        Run refused = publish("monitor-test", "monitor", password, "stores/demo-store/kiosks/entrance/screen");
        assertThat(refused.output()).containsIgnoringCase("Publish 1 failed: Not authorized");
    }

    @Test
    void anonymous_isRefused() throws Exception {
        Run anonymous = publish("anon-1", null, null, "stores/demo-store/kiosks/entrance/tap");
        assertThat(anonymous.exit()).as(anonymous.output()).isNotZero();
    }

    @Test
    void plainTcp_switchedOff_acceptsNoConnection_whileTlsWorks() throws Exception {
        int plainPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            plainPort = probe.getLocalPort();
        }
        Map<String, String> settings = Map.of("tls.plain-mqtt", "false");
        try (ProvisionedHub tlsOnly = ProvisionedHub.start(dir.resolve("tls-only"), settings, plainPort)) {
            assertThat(tlsOnly.hub.mqttPort()).isEqualTo(-1);
            assertThatThrownBy(() -> new Socket("127.0.0.1", plainPort).close()).isInstanceOf(ConnectException.class);
            String password = SecretFile.read(tlsOnly.dataDir.resolve("monitor.secret"));
            Run sub = run(List.of("mosquitto_sub", "-V", "mqttv5", "-h", "localhost", "-p",
                    String.valueOf(tlsOnly.hub.mqttTlsPort()), "--cafile", tlsOnly.dataDir.resolve("tls/ca.pem").toString(),
                    "-i", "monitor-tls", "-u", "monitor", "-P", password, "-t", "stores/#", "-W", "1"));
            assertThat(sub.output()).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("refused");
        }
    }
}
