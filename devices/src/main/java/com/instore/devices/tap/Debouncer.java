package com.instore.devices.tap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a read is a new tap. The same credential seen again within the window of its last sighting is the same
 * tap (a card held on the reader, a phone that bounces at the edge of the field); every sighting extends the window, so a
 * card must be away for a whole window before it taps again. A different credential is a new tap at once. Thread-safe.
 */
final class Debouncer {
    private final Clock clock;
    private final Duration window;
    private String lastKey;
    private Instant lastSeen = Instant.MIN;

    Debouncer(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    synchronized boolean isNewTap(CardRead.Kind kind, String value) {
        String key = kind + ":" + value;
        Instant now = clock.instant();
        boolean same = key.equals(lastKey) && !now.isAfter(lastSeen.plus(window));
        lastKey = key;
        lastSeen = now;
        return !same;
    }
}
