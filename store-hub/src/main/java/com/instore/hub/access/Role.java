package com.instore.hub.access;

import java.util.Locale;

/** What a user may do; each role includes the ones before it. */
public enum Role {
    /** Reads the dashboard and the fleet's state. */
    STAFF,
    /** Runs the fleet, offers and members' support. */
    OPERATOR,
    /** Manages users and tokens. */
    ADMIN;

    /** Whether this role may do what {@code required} may. */
    public boolean covers(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** Parses {@code staff}, {@code operator} or {@code admin} (any case). */
    public static Role parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
