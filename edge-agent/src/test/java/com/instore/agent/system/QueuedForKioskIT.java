package com.instore.agent.system;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8: a kiosk whose session is persistent gets what the hub queued for it while it was away, across a SIGKILL and
 * restart of the hub (the embedded broker's persistence), unless it has expired. The kiosk "coffee" is killed; the hub
 * sends it two QoS 1 messages with MQTT message expiry (remote commands, published by the hub like print jobs: only the
 * hub's identity, whose password lives in the hub's memory, may publish to a kiosk): one expiring in 60 s, one in 1 s.
 * The hub is SIGKILLed and started again on its data; the kiosk comes back and runs the first, never the second.
 */
class QueuedForKioskIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KIOSK = "coffee";

    @Test
    void hubKilledAndRestarted_kioskBack_getsWhatWasQueuedForIt_unlessExpired() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
                "queued-");
        try (FaultStore store = new FaultStore(dataDir).start(java.util.List.of(KIOSK))) {
            Map<String, String> published = new ConcurrentHashMap<>(); // command id -> type, as the broker routed them
            Map<String, String> results = new ConcurrentHashMap<>();   // command id -> outcome, from the kiosk
            try (Monitor before = new Monitor(store, published, results)) {
                // ONLINE is published after the kiosk's subscriptions: from then on its session holds them.
                await().atMost(Duration.ofSeconds(60)).until(() -> before.online);
                store.killAgent(KIOSK);
                sendCommand(store, "IDENTIFY", 1_000);    // message expiry 1 s
                sendCommand(store, "DIAGNOSTICS", 60_000); // message expiry 60 s
                await().atMost(Duration.ofSeconds(20)).until(() -> published.size() == 2);
            }
            Instant queued = Instant.now();
            store.killHub();
            store.startHub();
            assertThat(Duration.between(queued, Instant.now())).isGreaterThan(Duration.ofSeconds(1)); // IDENTIFY expired
            String identify = idOf(published, "IDENTIFY");
            String diagnostics = idOf(published, "DIAGNOSTICS");

            try (Monitor after = new Monitor(store, new ConcurrentHashMap<>(), results)) {
                store.startAgent(KIOSK);
                await().atMost(Duration.ofSeconds(60)).until(() -> results.containsKey(diagnostics));
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                        .until(() -> !results.containsKey(identify));
            }
            System.out.printf("QueuedForKioskIT: queued %s, after the hub's SIGKILL and restart the kiosk ran %s%n",
                    published.values(), results.keySet().stream().map(published::get).toList());
            assertThat(results.get(diagnostics)).isEqualTo("OK");
        }
    }

    private static String idOf(Map<String, String> published, String type) {
        return published.entrySet().stream().filter(e -> e.getValue().equals(type)).findFirst().orElseThrow().getKey();
    }

    /** The operator's REST call, not waited for: the hub holds it until the command's timeout. */
    private static void sendCommand(FaultStore store, String type, long timeoutMs) throws Exception {
        String token = Files.readString(store.hubDataDir().resolve("operator.token")).strip();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + store.hubHttpPort()
                        + "/api/kiosks/" + KIOSK + "/commands"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"" + type + "\",\"timeoutMs\":" + timeoutMs + "}"))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The read-only monitor identity, watching the kiosk's commands and command results. */
    private static final class Monitor implements MqttCallback, AutoCloseable {
        private final MqttAsyncClient client;
        private final Map<String, String> published;
        private final Map<String, String> results;
        private volatile boolean online;

        Monitor(FaultStore store, Map<String, String> published, Map<String, String> results) throws Exception {
            this.published = published;
            this.results = results;
            client = new MqttAsyncClient("tcp://127.0.0.1:" + store.mqttPort(), "monitor-queued-" + System.nanoTime(),
                    new MemoryPersistence());
            client.setCallback(this);
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName("monitor");
            options.setPassword(Files.readString(store.hubDataDir().resolve("monitor.secret")).trim()
                    .getBytes(StandardCharsets.UTF_8));
            client.connect(options).waitForCompletion(10_000);
            client.subscribe(new String[] {"stores/+/kiosks/" + KIOSK + "/command",
                    "stores/+/kiosks/" + KIOSK + "/command/result", "stores/+/kiosks/" + KIOSK + "/status"},
                    new int[] {1, 1, 1}).waitForCompletion(10_000);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            JsonNode json = JSON.readTree(message.getPayload());
            if (topic.endsWith("/status")) {
                online |= "ONLINE".equals(json.path("presence").asText());
            } else if (topic.endsWith("/command/result")) {
                results.put(json.get("commandId").asText(), json.get("outcome").asText());
            } else {
                published.put(json.get("id").asText(), json.get("type").asText());
            }
        }

        @Override
        public void close() throws MqttException {
            client.disconnect(1_000).waitForCompletion(2_000);
            client.close(true);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
