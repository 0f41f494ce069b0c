package com.instore.agent.devices;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceConfigTest {
    @Test
    void reader_objectForm_becomesTypeWithOptions() {
        ReaderConfig reader = ReaderConfig.from(node("reader", Map.of("reader.type", "pcsc",
                "reader.reader", "ACR1252", "reader.debounce-ms", "1000", "reader.aid", "F0494E53544F5245")));

        assertThat(reader.type()).isEqualTo("pcsc");
        assertThat(reader.simulated()).isFalse();
        assertThat(reader.spec().options()).containsEntry("reader", "ACR1252").containsEntry("debounce-ms", "1000")
                .containsEntry("aid", "F0494E53544F5245").doesNotContainKey("type");
    }

    @Test
    void reader_oneLineForm_isParsed() {
        ReaderConfig reader = ReaderConfig.from(node("reader", Map.of("reader",
                "mfrc522?spi-bus=0&spi-channel=1&reset-pin=25")));

        assertThat(reader.type()).isEqualTo("mfrc522");
        assertThat(reader.spec().intOption("spi-channel", 0)).isEqualTo(1);
    }

    @Test
    void reader_missing_isSimulated() {
        assertThat(ReaderConfig.from(node("reader", Map.of("other", "x"))).simulated()).isTrue();
    }

    @Test
    void reader_unknownType_listsTheSupportedOnes() {
        assertThatThrownBy(() -> ReaderConfig.from(node("reader", Map.of("reader.type", "nfc-magic"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nfc-magic'")
                .hasMessageContaining("supported types are simulated, pcsc, acr122, mfrc522");
    }

    @Test
    void indicator_gpioObjectForm_becomesTheSpecString() {
        IndicatorConfig indicator = IndicatorConfig.from(node("indicator", Map.of("indicator.type", "gpio",
                "indicator.green", "17", "indicator.red", "22")));

        assertThat(indicator.spec()).startsWith("gpio?").contains("green=17").contains("red=22");
    }

    @Test
    void indicator_defaultsToSimulated_andRejectsUnknownForms() {
        assertThat(IndicatorConfig.from(node("indicator", Map.of("other", "x"))).spec()).isEqualTo("simulated");
        assertThatThrownBy(() -> new IndicatorConfig("neopixel"))
                .hasMessageContaining("'neopixel'").hasMessageContaining("gpio?green=17");
    }

    private static Config node(String name, Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get(name);
    }
}
