package com.instore.devices.indicator;

import com.instore.devices.DeviceStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorsTest {
    @Test
    void simulated_logsEachSignal_andIsOnline() {
        List<Indicator.Signal> seen = new ArrayList<>();
        try (Indicator indicator = Indicators.create("simulated", seen::add)) {
            indicator.signal(Indicator.Signal.RECOGNISED);
            indicator.signal(Indicator.Signal.ERROR);
            assertThat(seen).containsExactly(Indicator.Signal.RECOGNISED, Indicator.Signal.ERROR);
            assertThat(indicator.status()).isEqualTo(DeviceStatus.online("simulated indicator (log)"));
        }
    }

    @Test
    void unknownSpec_listsTheSupportedOnes() {
        assertThatThrownBy(() -> Indicators.create("neon"))
                .hasMessage("indicator 'neon' not understood: supported are simulated, gpio?green=17&amber=27&red=22&buzzer=18");
        assertThatThrownBy(() -> Indicators.create("gpio?blue=4")).hasMessageContaining("'blue=4' is not one of");
    }

    @Test
    void gpio_onAMachineWithoutGpio_isOfflineWithTheReason_andSignalsAreIgnored() {
        try (Indicator indicator = Indicators.create("gpio?green=17&red=22")) {
            indicator.signal(Indicator.Signal.RECOGNISED);
            assertThat(indicator.status().state()).isEqualTo(DeviceStatus.State.OFFLINE);
            assertThat(indicator.status().detail()).isNotBlank();
        }
    }
}
