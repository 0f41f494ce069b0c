package com.instore.devices.indicator;

import com.instore.devices.DeviceStatus;

/**
 * The kiosk's own feedback to a tap, before any screen answers: coloured light and buzzer. {@link #signal} never blocks
 * and never throws: the pattern plays on the indicator's own thread, a new signal cuts the one playing short, and a
 * hardware failure becomes an OFFLINE {@link #status()}.
 */
public interface Indicator extends AutoCloseable {
    void signal(Signal signal);

    DeviceStatus status();

    /** Stops any pattern, turns everything off and releases the hardware. */
    @Override
    void close();

    /** What happened. */
    enum Signal {
        /** A member was recognised: green, one short beep. */
        RECOGNISED,
        /** A card nobody knows: amber, two short beeps. */
        UNKNOWN,
        /** Something went wrong (unreadable card, hub unreachable): red, one long beep. */
        ERROR,
        /**
         * Staff asked the kiosk to show itself (the IDENTIFY command): all three lights together, flashing with a beep
         * three times, then red-amber-green in turn; no tap ever produces it.
         */
        IDENTIFY
    }
}
