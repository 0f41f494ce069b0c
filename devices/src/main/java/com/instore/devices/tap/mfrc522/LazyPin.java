package com.instore.devices.tap.mfrc522;

import com.instore.devices.gpio.OutputPin;

import java.util.function.Supplier;

/** Opens the real pin on first use, so that building a reader from config touches no hardware. */
final class LazyPin implements OutputPin {
    private final Supplier<OutputPin> opener;
    private OutputPin pin;

    LazyPin(Supplier<OutputPin> opener) {
        this.opener = opener;
    }

    @Override
    public synchronized void set(boolean high) {
        if (pin == null) {
            pin = opener.get();
        }
        pin.set(high);
    }

    @Override
    public synchronized void close() {
        if (pin != null) {
            pin.close();
        }
    }
}
