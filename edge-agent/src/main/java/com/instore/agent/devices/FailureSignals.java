package com.instore.agent.devices;

import com.instore.devices.DeviceStatus;
import com.instore.devices.indicator.Indicator;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.ReadFailure;
import com.instore.devices.tap.TapListener;

/**
 * Passes a reader's events on, signalling ERROR on the indicator for every read failure (even while the screen is busy
 * with an earlier tap: the light answers what was just held to the reader). Same threading as the reader.
 */
final class FailureSignals implements TapListener {
    private final TapListener delegate;
    private final Indicator indicator;

    FailureSignals(TapListener delegate, Indicator indicator) {
        this.delegate = delegate;
        this.indicator = indicator;
    }

    @Override
    public void onTap(CardRead read) {
        delegate.onTap(read);
    }

    @Override
    public void onStatus(DeviceStatus status) {
        delegate.onStatus(status);
    }

    @Override
    public void onReadFailure(ReadFailure failure) {
        indicator.signal(Indicator.Signal.ERROR);
        delegate.onReadFailure(failure);
    }
}
