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

    /**
     * Something was held to the reader but no credential could be read from it (the card left too early, answered with
     * an unexpected status word, a truncated or garbled answer). The reader itself stays usable; the kiosk may ask the
     * shopper to tap again. The default ignores it, so listeners written before this event existed keep working.
     */
    default void onReadFailure(ReadFailure failure) {
    }
}
