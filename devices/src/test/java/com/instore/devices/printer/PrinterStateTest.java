package com.instore.devices.printer;

import com.instore.devices.DeviceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrinterStateTest {
    @Test
    void health_followsWhatThePrinterReports() {
        assertThat(PrinterState.reported(false, false, false, false).toDeviceStatus()).isEqualTo(DeviceStatus.online("ready"));
        assertThat(PrinterState.reported(false, false, true, false).toDeviceStatus())
                .isEqualTo(DeviceStatus.degraded("paper near end"));
        assertThat(PrinterState.reported(true, false, true, true).toDeviceStatus()).isEqualTo(DeviceStatus.offline("paper out"));
        assertThat(PrinterState.reported(true, true, false, false).toDeviceStatus()).isEqualTo(DeviceStatus.offline("cover open"));
        assertThat(PrinterState.unreachable("printer tcp://x:9100 unreachable").toDeviceStatus())
                .isEqualTo(DeviceStatus.offline("printer tcp://x:9100 unreachable"));
        assertThat(PrinterState.unknown("no back channel").toDeviceStatus().state()).isEqualTo(DeviceStatus.State.DEGRADED);
    }

    @Test
    void jobs_areHeldBackOnlyForReasonsThatStopPrinting() {
        assertThat(PrinterState.reported(false, false, true, false).blockingFailure()).isNull();
        assertThat(PrinterState.unknown("no back channel").blockingFailure()).isNull();
        assertThat(PrinterState.reported(true, false, true, true).blockingFailure()).isEqualTo(PrintResult.Failure.NO_PAPER);
        assertThat(PrinterState.reported(true, true, false, false).blockingFailure()).isEqualTo(PrintResult.Failure.COVER_OPEN);
        assertThat(PrinterState.unreachable("down").blockingFailure()).isEqualTo(PrintResult.Failure.OFFLINE);
    }
}
