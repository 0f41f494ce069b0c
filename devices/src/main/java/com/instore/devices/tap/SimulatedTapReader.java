package com.instore.devices.tap;

import com.instore.devices.DeviceStatus;

import java.time.Clock;
import java.util.Objects;

/**
 * A reader with no hardware, for demos and for kiosks without a reader fitted: {@link #present} plays the part of a card
 * held to the reader. Thread-safe; the listener is called on the presenting thread.
 */
public final class SimulatedTapReader implements TapReader {
    private final Clock clock;
    private volatile TapListener listener;

    public SimulatedTapReader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public void start(TapListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        listener.onStatus(status());
    }

    /**
     * Presents a credential as if it had been tapped.
     *
     * @return the read that was delivered to the listener (its id is the tap's id)
     * @throws IllegalStateException when the reader has not been started or is closed
     */
    public CardRead present(CardRead.Kind kind, String value) {
        TapListener target = listener;
        if (target == null) {
            throw new IllegalStateException("the simulated reader is not started");
        }
        CardRead read = new CardRead(ReadIds.next(), kind, value, name(), clock.instant());
        target.onTap(read);
        return read;
    }

    @Override
    public DeviceStatus status() {
        return listener == null ? DeviceStatus.offline("not started") : DeviceStatus.online("simulated reader");
    }

    @Override
    public void close() {
        listener = null;
    }
}
