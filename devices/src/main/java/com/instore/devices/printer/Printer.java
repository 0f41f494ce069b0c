package com.instore.devices.printer;

import com.instore.devices.DeviceStatus;

/**
 * A receipt printer (DESIGN.md section 8.5). Both calls block on the printer (bounded by the transport's timeout, a few
 * seconds at most): call them from a worker thread, never from an MQTT or HTTP callback. Thread-safe: calls are
 * serialised. Failures are results and states, never exceptions.
 */
public interface Printer extends AutoCloseable {
    /** A short name for logs and the kiosk status, e.g. "tcp://10.0.0.7:9100". */
    String name();

    /**
     * Prints a receipt. The printer's real-time status is checked first: with no paper, the cover open or the printer
     * offline nothing is sent and the result says why (the agent then shows the coupon's QR on screen instead).
     */
    PrintResult print(Receipt receipt);

    /** The printer's real-time status ({@code DLE EOT}) where the transport has a back channel. */
    PrinterState state();

    /** {@link #state()} as a health status: ONLINE, DEGRADED (paper near end, status unknown), OFFLINE (why). */
    default DeviceStatus status() {
        return state().toDeviceStatus();
    }

    @Override
    void close();
}
