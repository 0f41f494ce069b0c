package com.instore.hub.loyalty;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Where a member is in their relationship with the store, before this tap: offers may target one. */
public enum Segment {
    /** No verified visit yet. */
    NEW,
    /** Visited within the lapse period. */
    RETURNING,
    /** Last visit older than the lapse period. */
    LAPSED,
    /** Not a member: the generic audience. */
    ANONYMOUS;

    static Segment of(long visits, Instant lastVisit, Instant now, Duration lapsedAfter) {
        if (visits == 0 || lastVisit == null) {
            return NEW;
        }
        return lastVisit.isBefore(now.minus(lapsedAfter)) ? LAPSED : RETURNING;
    }

    /** Parses a segment name, case-insensitive. */
    public static Segment parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown segment '" + value + "', expected new, returning or lapsed");
        }
    }
}
