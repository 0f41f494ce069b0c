package com.instore.devices.tap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TapReadersTest {
    @Test
    void simulated_isTheSimulatorItself() {
        assertThat(TapReaders.create(ReaderSpec.of("simulated"))).isInstanceOf(SimulatedTapReader.class);
    }

    @Test
    void hardwareTypes_areDebouncedAndOpenNothingBeforeStart() {
        for (String type : new String[]{"pcsc", "acr122", "mfrc522"}) {
            try (TapReader reader = TapReaders.create(ReaderSpec.parse(type + "?debounce-ms=800"))) {
                assertThat(reader).isInstanceOf(DebouncingTapReader.class);
                assertThat(reader.status().detail()).isEqualTo("not started");
            }
        }
    }

    @Test
    void unknownType_listsTheSupportedOnes() {
        assertThatThrownBy(() -> TapReaders.create(ReaderSpec.of("rfid9000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown reader type 'rfid9000': supported are simulated, pcsc, acr122, mfrc522");
    }

    @Test
    void badOptions_areClearErrors() {
        assertThatThrownBy(() -> TapReaders.create(ReaderSpec.parse("pcsc?aid=F0ZZ")))
                .hasMessageContaining("reader option aid=F0ZZ is not a valid AID");
        assertThatThrownBy(() -> TapReaders.create(ReaderSpec.parse("pcsc?debounce-ms=soon")))
                .hasMessage("reader option debounce-ms=soon is not a number");
        assertThatThrownBy(() -> ReaderSpec.parse("pcsc?reader")).hasMessageContaining("is not key=value");
    }

    @Test
    void spec_parsesTypeAndOptions() {
        ReaderSpec spec = ReaderSpec.parse("PCSC?reader=ACR1252&aid=F0494E53544F5245");
        assertThat(spec.type()).isEqualTo("pcsc");
        assertThat(spec.option("reader")).contains("ACR1252");
        assertThat(spec.intOption("poll-ms", 50)).isEqualTo(50);
    }
}
