package com.instore.agent.printer;

import com.instore.devices.DeviceStatus;
import com.instore.devices.printer.PrintResult;
import com.instore.devices.printer.PrinterState;

import java.util.ArrayList;
import java.util.List;

/** What a printer's state and a failed job mean, in words for staff (status, doctor) and shoppers (screen). */
final class PrinterWords {
    private PrinterWords() {
    }

    /** The real-time status ({@code DLE EOT}) in words, e.g. "paper near end" or "unreachable (Connection refused)". */
    static String describe(PrinterState state) {
        if (!state.reachable()) {
            // The transport's detail names the printer again ("printer tcp://... unreachable: why"): keep the why.
            return "unreachable (" + state.detail().replaceFirst("^printer \\S+ unreachable: ", "") + ")";
        }
        if (!state.known()) {
            return "reachable, but it does not report its status" + (state.detail().isEmpty() ? ""
                    : " (" + state.detail() + ")");
        }
        List<String> problems = new ArrayList<>();
        if (state.paperOut()) {
            problems.add("paper out");
        } else if (state.paperNearEnd()) {
            problems.add("paper near end");
        }
        if (state.coverOpen()) {
            problems.add("cover open");
        }
        if (state.offline() && !state.paperOut() && !state.coverOpen()) {
            problems.add("reports itself offline");
        }
        return problems.isEmpty() ? "ready (paper OK, cover closed, online)" : String.join(", ", problems);
    }

    /** The printer's health for the kiosk status: the devices' rule, with words that say what to do. */
    static DeviceStatus health(PrinterState state, String printerName) {
        DeviceStatus status = state.toDeviceStatus();
        String words = status.state() == DeviceStatus.State.ONLINE ? "ready" : describe(state);
        return new DeviceStatus(status.state(), words + " - " + printerName);
    }

    /** Why a coupon is on screen instead of on paper, for the shopper. */
    static String forShopper(PrintResult result) {
        return switch (result.failure()) {
            case NO_PAPER -> "The printer is out of paper";
            case COVER_OPEN -> "The printer's cover is open";
            case OFFLINE -> "The printer is not available";
            case ERROR -> "The printer could not print your coupon";
        };
    }
}
