package com.instore.devices.tap;

import com.instore.devices.DeviceStatus;

/**
 * Events out of a tap reader. Called on the reader's own thread: implementations return quickly and never throw.
 */
public interface TapListener {
    /** A credential was presented (already debounced by the reader). */
    void onTap(CardRead read);

    /** The reader's health changed. */
    void onStatus(DeviceStatus status);
}
