package com.instore.hub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HubConfigTest {
    private static final Path HUB_YAML = Path.of("../config/hub.yaml");

    @AfterEach
    void clearOverride() {
        System.clearProperty("hub.http.port");
    }

    @Test
    void from_shippedHubYaml_readsEveryKey() {
        HubConfig config = HubConfig.from(Main.load(HUB_YAML).get("hub"));

        assertThat(config.dataDir()).isEqualTo(Path.of("demo-data/hub"));
        assertThat(config.storeFile()).isEqualTo(Path.of("config/store.yaml"));
        assertThat(config.offersFile()).isEqualTo(Path.of("config/offers.yaml"));
        assertThat(config.membersFile()).contains(Path.of("config/demo/members.csv"));
        assertThat(config.storeSecretFile()).isEqualTo(Path.of("demo-data/hub/store.secret"));
        assertThat(config.publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.mqttHost()).isEqualTo("0.0.0.0");
        assertThat(config.mqttPort()).isEqualTo(1883);
    }

    @Test
    void from_systemProperty_overridesTheFile() {
        System.setProperty("hub.http.port", "9090");

        assertThat(HubConfig.from(Main.load(HUB_YAML).get("hub")).httpPort()).isEqualTo(9090);
    }

    @Test
    void from_emptyNode_usesTheDefaults() {
        HubConfig config = HubConfig.from(io.helidon.config.Config.empty().get("hub"));

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.mqttPort()).isEqualTo(1883);
        assertThat(config.membersFile()).isEqualTo(Optional.empty());
    }
}
