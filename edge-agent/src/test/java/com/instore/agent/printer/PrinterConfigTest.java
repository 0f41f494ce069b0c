package com.instore.agent.printer;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrinterConfigTest {
    private static final Path DATA = Path.of("demo-data/agents/entrance");

    @Test
    void oneUri_isThePrinter() {
        PrinterConfig printer = from(Map.of("printer", "tcp://10.0.0.7:9100"));

        assertThat(printer.spec()).isEqualTo("tcp://10.0.0.7:9100");
        assertThat(printer.header()).isEqualTo("demo-store");
        assertThat(printer.statusEvery()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void objectForm_readsUriHeaderAndPoll() {
        PrinterConfig printer = from(Map.of("printer.uri", "serial:/dev/ttyUSB0?baud=38400",
                "printer.header", "Demo Store", "printer.status-poll-ms", "2000"));

        assertThat(printer.spec()).isEqualTo("serial:/dev/ttyUSB0?baud=38400");
        assertThat(printer.header()).isEqualTo("Demo Store");
        assertThat(printer.statusEvery()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void simulated_rendersUnderTheDataDirectory() {
        assertThat(from(Map.of("printer", "simulated")).spec())
                .isEqualTo("simulated?dir=" + DATA.resolve("receipts"));
        assertThat(from(Map.of("printer", "simulated?port=9100")).spec())
                .isEqualTo("simulated?port=9100&dir=" + DATA.resolve("receipts"));
    }

    @Test
    void noNode_meansNoPrinter() {
        assertThat(from(Map.of("other", "x")).fitted()).isFalse();
    }

    @Test
    void unknownForm_listsTheSupportedOnes() {
        assertThatThrownBy(() -> from(Map.of("printer", "ipp://printer")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ipp://printer'")
                .hasMessageContaining("tcp://host:9100, file:/dev/usb/lp0, serial:/dev/ttyUSB0?baud=19200, simulated");
    }

    private static PrinterConfig from(Map<String, String> values) {
        return PrinterConfig.from(Config.just(ConfigSources.create(values)).get("printer"), DATA, "demo-store");
    }
}
