package com.instore.hub.broker;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerPersistenceTest {
    @TempDir
    Path dir;

    private static Config mqtt(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("hub.mqtt");
    }

    @Test
    void from_unset_isFile() {
        assertThat(BrokerPersistence.from(mqtt(Map.of("hub.mqtt.port", "1883")))).isEqualTo(BrokerPersistence.FILE);
    }

    @Test
    void from_inMemory_inAnyCase_isInMemory() {
        assertThat(BrokerPersistence.from(mqtt(Map.of("hub.mqtt.persistence", " In-Memory "))))
                .isEqualTo(BrokerPersistence.IN_MEMORY);
    }

    @Test
    void from_somethingElse_isRefusedNamingTheKeyAndTheChoices() {
        assertThatThrownBy(() -> BrokerPersistence.from(mqtt(Map.of("hub.mqtt.persistence", "memory"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hub.mqtt.persistence must be file or in-memory, not 'memory'");
    }

    @Test
    void configXml_carriesTheChosenMode() throws Exception {
        BrokerConfigXml.write(dir, "127.0.0.1", 1883, -1, null, null, BrokerPersistence.IN_MEMORY);
        assertThat(Files.readString(dir.resolve("config.xml"))).contains("<mode>in-memory</mode>");

        BrokerConfigXml.write(dir, "127.0.0.1", 1883);
        assertThat(Files.readString(dir.resolve("config.xml"))).contains("<mode>file</mode>");
    }
}
