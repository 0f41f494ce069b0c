package com.instore.agent.devices;

import com.instore.agent.screen.Display;
import com.instore.agent.screen.ScreenState;
import com.instore.devices.indicator.Indicator;

import java.util.Objects;

/**
 * Signals on the indicator what the screen is about to show: green for a recognised member, amber for an unknown card,
 * red for a refused tap. Each screen signals once (a second update for the same tap, e.g. after a printed coupon, does
 * not beep again). Thread-safe; never blocks (indicators play their patterns on their own thread).
 */
final class IndicatorDisplay implements Display {
    private final Display screen;
    private final Indicator indicator;
    private String lastSignalled;

    IndicatorDisplay(Display screen, Indicator indicator) {
        this.screen = screen;
        this.indicator = indicator;
    }

    @Override
    public void show(ScreenState state) {
        Indicator.Signal signal = signalFor(state.state());
        if (signal != null && firstTime(state)) {
            indicator.signal(signal);
        }
        screen.show(state);
    }

    private synchronized boolean firstTime(ScreenState state) {
        String key = state.state() + "/" + state.tapId();
        if (Objects.equals(key, lastSignalled)) {
            return false;
        }
        lastSignalled = key;
        return true;
    }

    static Indicator.Signal signalFor(String state) {
        return switch (state) {
            case ScreenState.MEMBER -> Indicator.Signal.RECOGNISED;
            case ScreenState.WELCOME -> Indicator.Signal.UNKNOWN;
            case ScreenState.REFUSED -> Indicator.Signal.ERROR;
            default -> null;
        };
    }
}
