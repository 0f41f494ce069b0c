package com.instore.hub.members;

import java.util.Locale;
import java.util.Optional;

/** The loyalty ladder, lowest first, with the points each tier starts at (the "next tier" hint on the screen). */
public enum Tier {
    BRONZE(0),
    SILVER(500),
    GOLD(1500),
    PLATINUM(5000);

    private final long threshold;

    Tier(long threshold) {
        this.threshold = threshold;
    }

    /** The next tier up, empty at the top. */
    public Optional<Tier> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** What a member of this tier with {@code points} needs for the next tier, in words for the screen. */
    public String nextStep(long points) {
        return next().map(n -> Math.max(1, n.threshold - points) + " points to " + n.label()).orElse("Top tier reached");
    }

    /** "Gold", for people. */
    public String label() {
        String name = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Parses a tier name, case-insensitive. */
    public static Tier parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown tier '" + value + "', expected one of BRONZE, SILVER, GOLD, PLATINUM");
        }
    }
}
