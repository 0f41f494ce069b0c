package com.instore.agent.system;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub SIGKILLed while kiosks have taps in flight, then started again on the same data directory: every tap the agents
 * accepted is processed (the agents' outboxes and the broker's persisted hub session), and the broker's retained kiosk
 * statuses survived the kill.
 */
class HubRestartIT {
    @Test
    void hubKilledWithTapsInFlight_restartsOnItsData_processesEveryTap_andKeepsRetainedStatuses() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
                "hub-restart-");
        try (FaultStore store = new FaultStore(dataDir).start()) {
            HubLedger ledger = new HubLedger(store.hubDatabase());
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                for (String kiosk : FaultStore.KIOSKS) {
                    store.tap(kiosk, "04FA00000000" + String.format("%02d", i)).ifPresent(sent::add);
                }
            }
            store.killHub();
            long before = ledger.processedTapIds().stream().filter(sent::contains).count();
            store.startHub();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> ledger.processedTapIds().containsAll(sent));
            System.out.printf("HubRestartIT: %d taps sent, %d processed before the kill, all %d after the restart%n",
                    sent.size(), before, sent.size());
            assertThat(sent).hasSize(60);
            assertThat(retainedStatuses(store)).containsOnlyKeys(FaultStore.KIOSKS);
        }
    }

    /** The retained status of every kiosk, as a read-only monitor subscribing after the restart gets them. */
    private static Map<String, String> retainedStatuses(FaultStore store) throws Exception {
        Map<String, String> statuses = new ConcurrentHashMap<>();
        MqttAsyncClient monitor = new MqttAsyncClient("tcp://127.0.0.1:" + store.mqttPort(), "monitor-restart-it",
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("monitor");
        options.setPassword(Files.readString(store.hubDataDir().resolve("monitor.secret")).trim()
                .getBytes(StandardCharsets.UTF_8));
        monitor.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (message.isRetained()) {
                    statuses.put(topic.split("/")[3], new String(message.getPayload(), StandardCharsets.UTF_8));
                }
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
        });
        monitor.connect(options).waitForCompletion(10_000);
        try {
            monitor.subscribe("stores/+/kiosks/+/status", 1).waitForCompletion(10_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> statuses.size() == FaultStore.KIOSKS.size());
            return statuses;
        } finally {
            monitor.disconnect(1_000).waitForCompletion(2_000);
            monitor.close(true);
        }
    }
}
