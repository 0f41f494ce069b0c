package com.instore.agent;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentConfigTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearOverrides() {
        System.clearProperty("agent.kiosk-id");
        System.clearProperty("agent.screen.port");
    }

    @Test
    void load_theShippedAgentYaml() {
        AgentConfig config = AgentConfig.load(shippedConfig());

        assertThat(config.kiosk().storeId()).isEqualTo("demo-store");
        assertThat(config.kiosk().kioskId()).isEqualTo("entrance");
        assertThat(config.mqtt().uri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(config.mqtt().clientId()).isEqualTo("kiosk-demo-store-entrance");
        assertThat(config.mqtt().username()).isEqualTo("demo-store/entrance");
        assertThat(config.mqtt().passwordFile()).isEqualTo(Path.of("demo-data/hub/kiosk-secrets/entrance.secret"));
        assertThat(config.screen().host()).isEqualTo("127.0.0.1");
        assertThat(config.screen().port()).isEqualTo(8081);
        assertThat(config.tap().answerTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(config.reader().simulated()).isTrue();
        assertThat(config.outbox().capacity()).isEqualTo(50_000);
        assertThat(config.outbox().file()).isEqualTo(Path.of("demo-data/agents/entrance/outbox.db"));
        assertThat(config.mqtt().reconnectBase()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.mqtt().reconnectCap()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void load_systemPropertiesOverrideTheFile() {
        System.setProperty("agent.kiosk-id", "coffee");
        System.setProperty("agent.screen.port", "8082");

        AgentConfig config = AgentConfig.load(shippedConfig());

        assertThat(config.kiosk().kioskId()).isEqualTo("coffee");
        assertThat(config.mqtt().clientId()).isEqualTo("kiosk-demo-store-coffee");
        assertThat(config.screen().port()).isEqualTo(8082);
    }

    @Test
    void from_minimalConfig_usesDefaults() {
        AgentConfig config = from(Map.of("agent.store-id", "s1", "agent.kiosk-id", "k1",
                "agent.mqtt.password-file", "k1.secret"));

        assertThat(config.mqtt().uri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(config.screen().port()).isEqualTo(8081);
        assertThat(config.tap().answerTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(config.tap().idleAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(config.reader().type()).isEqualTo("simulated");
        assertThat(config.dataDir()).isEqualTo(Path.of("demo-data/agents/k1"));
    }

    @Test
    void from_missingKioskId_namesTheKey() {
        assertThatThrownBy(() -> from(Map.of("agent.store-id", "s1", "agent.mqtt.password-file", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent.kiosk-id");
    }

    @Test
    void from_missingPasswordFile_namesTheKey() {
        assertThatThrownBy(() -> from(Map.of("agent.store-id", "s1", "agent.kiosk-id", "k1")))
                .hasMessageContaining("agent.mqtt.password-file");
    }

    @Test
    void from_unknownReaderType_listsTheSupportedOnes() {
        Map<String, String> values = minimal();
        values.put("agent.reader.type", "nfc-magic");

        assertThatThrownBy(() -> from(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nfc-magic'")
                .hasMessageContaining("supported types are simulated, pcsc, acr122, mfrc522");
    }

    @Test
    void load_theShippedAgentYaml_choosesSimulatedDevices() {
        AgentConfig config = AgentConfig.load(shippedConfig());

        assertThat(config.printer().uri()).isEqualTo("simulated");
        assertThat(config.printer().spec()).isEqualTo("simulated?dir=" + Path.of("demo-data/agents/entrance/receipts"));
        assertThat(config.printer().header()).isEqualTo("Demo Store");
        assertThat(config.indicator().spec()).isEqualTo("simulated");
    }

    @Test
    void from_invalidKioskId_isRejected() {
        Map<String, String> values = minimal();
        values.put("agent.kiosk-id", "Bad Kiosk/1");

        assertThatThrownBy(() -> from(values)).hasMessageContaining("kioskId");
    }

    @Test
    void from_nonPositiveAnswerTimeout_isRejected() {
        Map<String, String> values = minimal();
        values.put("agent.answer-timeout-ms", "0");

        assertThatThrownBy(() -> from(values)).hasMessageContaining("agent.answer-timeout-ms");
    }

    @Test
    void from_badMqttUri_isRejected() {
        Map<String, String> values = minimal();
        values.put("agent.mqtt.uri", "http://broker");

        assertThatThrownBy(() -> from(values)).hasMessageContaining("agent.mqtt.uri");
    }

    @Test
    void load_missingFile_namesIt() throws IOException {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> AgentConfig.load(missing))
                .hasMessageContaining(missing.toAbsolutePath().toString());
        assertThat(Files.exists(missing)).isFalse();
    }

    private static Map<String, String> minimal() {
        return new HashMap<>(Map.of("agent.store-id", "s1", "agent.kiosk-id", "k1", "agent.mqtt.password-file", "x"));
    }

    private static AgentConfig from(Map<String, String> values) {
        return AgentConfig.from(Config.just(ConfigSources.create(values)).get("agent"));
    }

    private static Path shippedConfig() {
        Path fromModule = Path.of("../config/agent.yaml");
        return Files.exists(fromModule) ? fromModule : Path.of("config/agent.yaml");
    }
}
