package com.instore.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.protocol.CommandResult;
import com.instore.protocol.ConfigReport;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.MessageCodec;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Desired/reported configuration with drift, remote commands over MQTT 5 request/response, and the declarative store
 * file, against the real hub; an enrolled Paho client plays the kiosk.
 */
class KioskControlIT {
    private static final MessageCodec CODEC = new MessageCodec();

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

    /** An enrolled kiosk whose arrivals queue up. */
    record Kiosk(MqttAsyncClient client, BlockingQueue<MqttMessage> desired, BlockingQueue<MqttMessage> commands) {
        void publish(String topic, byte[] payload, boolean retained, byte[] correlation) throws MqttException {
            MqttProperties properties = new MqttProperties();
            properties.setCorrelationData(correlation);
            client.publish(topic, new MqttMessage(payload, 1, retained, properties)).waitForCompletion(5_000);
        }
    }

    static Kiosk enrolled(String kioskId) throws Exception {
        JsonNode identity = ProvisionedHub.parse(hub.enrol(hub.create(kioskId)).body());
        MqttAsyncClient client = hub.connectTls(identity.get("clientId").asText(), identity.get("username").asText(),
                identity.get("password").asText());
        Kiosk kiosk = new Kiosk(client, new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
        String base = "stores/demo-store/kiosks/" + kioskId + "/";
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                (topic.endsWith("/command") ? kiosk.commands() : kiosk.desired()).add(m);
            }

            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.subscribe(new String[] {base + "config/desired", base + "command"}, new int[] {1, 1})
                .waitForCompletion(5_000);
        return kiosk;
    }

    static KioskConfig nextDesired(Kiosk kiosk) throws Exception {
        MqttMessage m = kiosk.desired().poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a desired configuration").isNotNull();
        return CODEC.decode(m.getPayload(), KioskConfig.class);
    }

    static void report(Kiosk kiosk, String kioskId, ConfigReport.Outcome outcome, long applied, long refused,
                       String reason) throws Exception {
        ConfigReport report = new ConfigReport(1, UUID.randomUUID().toString(), Instant.now(), kioskId, outcome, applied,
                refused, reason, List.of());
        kiosk.publish("stores/demo-store/kiosks/" + kioskId + "/config/reported", CODEC.encode(report), true, null);
    }

    @Test
    void desiredConfig_isPublishedRetainedWithVersions_andDriftFollowsTheReports() throws Exception {
        Kiosk kiosk = enrolled("kiosk-cfg");
        assertThat(nextDesired(kiosk).version()).isEqualTo(1);
        HttpResponse<String> put = hub.call("PUT", "/api/kiosks/kiosk-cfg/config", "{\"answer-timeout-ms\": 1200}");
        assertThat(put.statusCode()).isEqualTo(200);
        KioskConfig v2 = nextDesired(kiosk);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.answerTimeoutMs()).isEqualTo(1200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(hub.json("GET", "/api/kiosks/kiosk-cfg/config", null).at("/sync/drift").asBoolean()).isTrue());

        report(kiosk, "kiosk-cfg", ConfigReport.Outcome.APPLIED, 2, 0, null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode view = hub.json("GET", "/api/kiosks/kiosk-cfg/config", null);
            assertThat(view.at("/sync/drift").asBoolean()).isFalse();
            assertThat(view.at("/reported/appliedVersion").asLong()).isEqualTo(2);
        });

        hub.call("PUT", "/api/kiosks/kiosk-cfg/config", "{\"reader-type\": \"laser\"}");
        assertThat(nextDesired(kiosk).version()).isEqualTo(3);
        report(kiosk, "kiosk-cfg", ConfigReport.Outcome.REFUSED, 2, 3, "reader type 'laser' is not supported");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode sync = hub.json("GET", "/api/kiosks/kiosk-cfg/config", null).get("sync");
            assertThat(sync.get("drift").asBoolean()).isTrue();
            assertThat(sync.get("refusal").asText()).contains("laser");
            JsonNode listed = kioskIn(hub.json("GET", "/api/kiosks", null), "kiosk-cfg");
            assertThat(listed.at("/config/appliedVersion").asLong()).isEqualTo(2);
            assertThat(listed.at("/config/desiredVersion").asLong()).isEqualTo(3);
        });
    }

    @Test
    void putConfig_withAnInvalidValue_isRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> bad = hub.call("PUT", "/api/kiosks/coffee/config", "{\"offers-per-screen\": 99}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("offersPerScreen");
        assertThat(hub.json("GET", "/api/kiosks/coffee/config", null).at("/desired/offersPerScreen").asInt()).isEqualTo(3);
    }

    @Test
    void command_roundTrip_returnsTheKiosksResult_correlated() throws Exception {
        Kiosk kiosk = enrolled("kiosk-cmd");
        Thread answerer = Thread.ofVirtual().start(() -> {
            try {
                MqttMessage m = kiosk.commands().poll(10, TimeUnit.SECONDS);
                var command = CODEC.decode(m.getPayload(), com.instore.protocol.Command.class);
                CommandResult result = new CommandResult(1, UUID.randomUUID().toString(), Instant.now(), "kiosk-cmd",
                        command.id(), CommandResult.Outcome.OK, "blinked", Map.of("type", command.type().name()));
                kiosk.publish(m.getProperties().getResponseTopic(), CODEC.encode(result), false,
                        m.getProperties().getCorrelationData());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HttpResponse<String> answer = hub.call("POST", "/api/kiosks/kiosk-cmd/commands", "{\"type\":\"IDENTIFY\"}");
        answerer.join();
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode result = ProvisionedHub.parse(answer.body());
        assertThat(result.get("outcome").asText()).isEqualTo("OK");
        assertThat(result.at("/data/type").asText()).isEqualTo("IDENTIFY");
    }

    @Test
    void command_withoutAnswer_timesOutWith504() throws Exception {
        enrolled("kiosk-mute");
        HttpResponse<String> answer = hub.call("POST", "/api/kiosks/kiosk-mute/commands",
                "{\"type\":\"DIAGNOSTICS\",\"timeoutMs\":300}");
        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.body()).contains("no result");
    }

    @Test
    void storeFile_changes_areReconciled_andUndeclaredKiosksStayUntilPruned() throws Exception {
        String original = Files.readString(hub.storeFile);
        String changed = original.replace("    - id: checkout\n      zone: checkout\n",
                "    - id: kiosk-new\n      zone: coffee\n      config: { offers-per-screen: 5 }\n");
        assertThat(changed).isNotEqualTo(original);
        Files.writeString(hub.storeFile, changed);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode report = hub.json("GET", "/api/store/reconcile", null);
            assertThat(report.get("declared").toString()).contains("kiosk-new");
            assertThat(report.get("undeclared").toString()).contains("checkout");
        });
        assertThat(hub.json("GET", "/api/kiosks/kiosk-new/config", null).at("/desired/offersPerScreen").asInt())
                .isEqualTo(5);
        String checkoutSecret = Files.readString(hub.dataDir.resolve("kiosk-secrets/checkout.secret")).strip();
        hub.connectTls("kiosk-demo-store-checkout", "demo-store/checkout", checkoutSecret).disconnect()
                .waitForCompletion(5_000);

        JsonNode pruned = hub.json("POST", "/api/store/prune", null);
        assertThat(pruned.get("removed").toString()).contains("checkout");
        assertThatThrownBy(() -> hub.connectTls("kiosk-demo-store-checkout", "demo-store/checkout", checkoutSecret))
                .isInstanceOf(MqttException.class);
    }

    static JsonNode kioskIn(JsonNode list, String kioskId) {
        for (JsonNode k : list) {
            if (kioskId.equals(k.get("kioskId").asText())) {
                return k;
            }
        }
        throw new AssertionError(kioskId + " missing from " + list);
    }
}
