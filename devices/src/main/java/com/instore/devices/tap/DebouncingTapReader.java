package com.instore.devices.tap;

import com.instore.devices.DeviceStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Wraps any reader so that one presentation is one tap (see {@link Debouncer} for the rule). Reads that repeat a tap are
 * dropped before they reach the listener; statuses and read failures pass through unchanged. Same threading as the
 * wrapped reader.
 */
public final class DebouncingTapReader implements TapReader {
    /** Long enough for a phone held a second or so; short enough that a second deliberate tap counts. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(1500);

    private final TapReader delegate;
    private final Debouncer debouncer;

    public DebouncingTapReader(TapReader delegate, Clock clock, Duration window) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (window.isNegative()) {
            throw new IllegalArgumentException("debounce window must not be negative: " + window);
        }
        this.debouncer = new Debouncer(clock, window);
    }

    /** The wrapped reader, e.g. to reach a {@link SimulatedTapReader}'s {@code present}. */
    public TapReader delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void start(TapListener listener) {
        Objects.requireNonNull(listener, "listener");
        delegate.start(new TapListener() {
            @Override
            public void onTap(CardRead read) {
                if (debouncer.isNewTap(read.kind(), read.value())) {
                    listener.onTap(read);
                }
            }

            @Override
            public void onStatus(DeviceStatus status) {
                listener.onStatus(status);
            }

            @Override
            public void onReadFailure(ReadFailure failure) {
                listener.onReadFailure(failure);
            }
        });
    }

    @Override
    public DeviceStatus status() {
        return delegate.status();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
