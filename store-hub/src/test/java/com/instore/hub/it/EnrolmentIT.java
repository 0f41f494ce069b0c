package com.instore.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Enrolment with one-time codes, retirement, and the operator token, against the real hub over HTTPS and MQTT/TLS. */
class EnrolmentIT {
    @TempDir
    static Path dir;
    static ProvisionedHub hub;

    @BeforeAll
    static void startHub() throws Exception {
        hub = ProvisionedHub.start(dir, Map.of());
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void enrol_withCode_givesAnIdentityThatConnectsOverTls_andTheCodeIsSingleUse() throws Exception {
        String code = hub.create("kiosk-a");
        HttpResponse<String> enrolled = hub.enrol(code.toLowerCase());
        assertThat(enrolled.statusCode()).isEqualTo(200);
        JsonNode identity = ProvisionedHub.parse(enrolled.body());
        assertThat(identity.get("username").asText()).isEqualTo("demo-store/kiosk-a");
        assertThat(identity.get("caPem").asText()).isEqualTo(hub.caPem);
        assertThat(identity.get("mqttTlsUri").asText()).startsWith("ssl://");
        assertThat(identity.get("config").get("version").asLong()).isEqualTo(1);

        MqttAsyncClient kiosk = hub.connectTls(identity.get("clientId").asText(), identity.get("username").asText(),
                identity.get("password").asText());
        assertThat(kiosk.isConnected()).isTrue();
        kiosk.disconnect().waitForCompletion(5_000);
        kiosk.close(true);

        HttpResponse<String> again = hub.enrol(code);
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("already used");
    }

    @Test
    void enrol_withUnknownCode_isRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> refused = hub.enrol("ZZZZZ-ZZZZZ");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("unknown enrolment code");
    }

    @Test
    void enrol_withExpiredCode_isRefused() throws Exception {
        try (ProvisionedHub shortLived = ProvisionedHub.start(dir.resolve("short"),
                Map.of("provisioning.code-ttl", "PT0.5S"))) {
            JsonNode created = ProvisionedHub.parse(shortLived.call("POST", "/api/kiosks",
                    "{\"kioskId\":\"kiosk-late\"}").body());
            java.time.Instant expires = java.time.Instant.parse(created.get("expires").asText());
            await().atMost(Duration.ofSeconds(10)).until(() -> java.time.Instant.now().isAfter(expires));
            HttpResponse<String> refused = shortLived.enrol(created.get("code").asText());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("expired");
        }
    }

    @Test
    void retire_dropsTheLiveConnectionWithinASecond_andRefusesReconnects() throws Exception {
        JsonNode identity = ProvisionedHub.parse(hub.enrol(hub.create("kiosk-stolen")).body());
        String clientId = identity.get("clientId").asText();
        String user = identity.get("username").asText();
        String password = identity.get("password").asText();
        MqttAsyncClient kiosk = hub.connectTls(clientId, user, password);

        assertThat(hub.call("DELETE", "/api/kiosks/kiosk-stolen", null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> !kiosk.isConnected());
        kiosk.close(true);
        assertThatThrownBy(() -> hub.connectTls(clientId, user, password)).isInstanceOf(MqttException.class);
        assertThat(hub.enrol("ANY00-CODE0").statusCode()).isEqualTo(403);
    }

    @Test
    void operatorRoutes_withoutToken_areRefused() throws Exception {
        HttpResponse<String> refused = hub.call("POST", "/api/kiosks", "{\"kioskId\":\"x\"}", false);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(hub.call("DELETE", "/api/kiosks/coffee", null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void create_returnsAQrCodeOfTheEnrolmentLink() throws Exception {
        hub.create("kiosk-qr");
        HttpResponse<String> qr = hub.call("GET", "/api/kiosks/kiosk-qr/enrolment-code.svg", null);
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("svg"));
        assertThat(qr.body()).startsWith("<svg");
    }
}
