package com.instore.devices.printer;

import com.instore.devices.DeviceStatus;

/**
 * What the printer says about itself ({@code DLE EOT 1, 2, 4}), or that it could not be asked.
 *
 * @param reachable    the transport could be opened
 * @param known        the printer answered the status queries (false over a device file: no back channel)
 * @param offline      the printer reports itself offline
 * @param coverOpen    the cover is open
 * @param paperNearEnd the roll is nearly used up
 * @param paperOut     no paper
 * @param detail       why unreachable or unknown
 */
public record PrinterState(boolean reachable, boolean known, boolean offline, boolean coverOpen, boolean paperNearEnd,
                           boolean paperOut, String detail) {
    public PrinterState {
        detail = detail == null ? "" : detail;
    }

    public static PrinterState unreachable(String detail) {
        return new PrinterState(false, false, false, false, false, false, detail);
    }

    public static PrinterState unknown(String detail) {
        return new PrinterState(true, false, false, false, false, false, detail);
    }

    public static PrinterState reported(boolean offline, boolean coverOpen, boolean paperNearEnd, boolean paperOut) {
        return new PrinterState(true, true, offline, coverOpen, paperNearEnd, paperOut, "");
    }

    /** Why a job must not be sent now, if it must not. */
    PrintResult.Failure blockingFailure() {
        if (!reachable) {
            return PrintResult.Failure.OFFLINE;
        }
        if (paperOut) {
            return PrintResult.Failure.NO_PAPER;
        }
        if (coverOpen) {
            return PrintResult.Failure.COVER_OPEN;
        }
        return offline ? PrintResult.Failure.OFFLINE : null;
    }

    public DeviceStatus toDeviceStatus() {
        if (!reachable) {
            return DeviceStatus.offline(detail);
        }
        if (!known) {
            return DeviceStatus.degraded(detail);
        }
        if (paperOut) {
            return DeviceStatus.offline("paper out");
        }
        if (coverOpen) {
            return DeviceStatus.offline("cover open");
        }
        if (offline) {
            return DeviceStatus.offline("printer offline");
        }
        return paperNearEnd ? DeviceStatus.degraded("paper near end") : DeviceStatus.online("ready");
    }
}
