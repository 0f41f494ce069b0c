package com.instore.devices.tap;

import com.instore.devices.DeviceStatus;

/**
 * A tap reader: NFC/RFID hardware or a simulator (DESIGN.md section 8.5). {@link #start} never blocks; reads and health
 * changes arrive through the listener. Closing stops the reader and releases the hardware.
 */
public interface TapReader extends AutoCloseable {
    /** A short name for logs and the kiosk status, e.g. "ACR122U PICC Interface 00 00" or "simulated". */
    String name();

    /** Starts reading; events go to {@code listener}. Called once. */
    void start(TapListener listener);

    /** The reader's current health. */
    DeviceStatus status();

    @Override
    void close();
}
