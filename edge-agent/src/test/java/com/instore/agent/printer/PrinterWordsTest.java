package com.instore.agent.printer;

import com.instore.devices.DeviceStatus;
import com.instore.devices.printer.PrintResult;
import com.instore.devices.printer.PrinterState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrinterWordsTest {
    @Test
    void status_inWords() {
        assertThat(PrinterWords.describe(PrinterState.reported(false, false, false, false)))
                .isEqualTo("ready (paper OK, cover closed, online)");
        assertThat(PrinterWords.describe(PrinterState.reported(true, false, true, true))).isEqualTo("paper out");
        assertThat(PrinterWords.describe(PrinterState.reported(true, true, true, false)))
                .isEqualTo("paper near end, cover open");
        assertThat(PrinterWords.describe(PrinterState.reported(true, false, false, false)))
                .isEqualTo("reports itself offline");
        assertThat(PrinterWords.describe(PrinterState.unreachable("Connection refused")))
                .isEqualTo("unreachable (Connection refused)");
        assertThat(PrinterWords.describe(PrinterState.unknown("no back channel")))
                .isEqualTo("reachable, but it does not report its status (no back channel)");
    }

    @Test
    void health_nearEndIsDegraded_outIsOffline_withThePrinterName() {
        assertThat(PrinterWords.health(PrinterState.reported(false, false, true, false), "tcp://p:9100"))
                .isEqualTo(DeviceStatus.degraded("paper near end - tcp://p:9100"));
        assertThat(PrinterWords.health(PrinterState.reported(true, false, true, true), "tcp://p:9100"))
                .isEqualTo(DeviceStatus.offline("paper out - tcp://p:9100"));
        assertThat(PrinterWords.health(PrinterState.reported(false, false, false, false), "tcp://p:9100"))
                .isEqualTo(DeviceStatus.online("ready - tcp://p:9100"));
    }

    @Test
    void failedJob_toldToTheShopper() {
        assertThat(PrinterWords.forShopper(PrintResult.failed(PrintResult.Failure.NO_PAPER, "paper out")))
                .isEqualTo("The printer is out of paper");
        assertThat(PrinterWords.forShopper(PrintResult.failed(PrintResult.Failure.COVER_OPEN, "")))
                .isEqualTo("The printer's cover is open");
    }
}
