package com.instore.hub.loyalty;

import java.util.Optional;
import java.util.Set;

/** Badges a member earns with verified visits; {@link #label()} is what the screen shows. */
enum Badge {
    FIRST_VISIT("First visit"),
    TEN_VISITS("10 visits"),
    STREAK("Weekly streak"),
    EARLY_BIRD("Early bird");

    static final int TEN = 10;

    private final String label;

    Badge(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Whether the member's state after a visit earns this badge. */
    boolean earnedBy(VisitState after, boolean earlyVisit, int streakWeeks) {
        return switch (this) {
            case FIRST_VISIT -> after.visits() >= 1;
            case TEN_VISITS -> after.visits() >= TEN;
            case STREAK -> after.streakWeeks() >= streakWeeks;
            case EARLY_BIRD -> earlyVisit;
        };
    }

    /** What the first badge not yet held needs, in words; empty when all are held. */
    static Optional<String> nextStep(Set<Badge> held, VisitState state, int streakWeeks, String earlyBirdBefore) {
        for (Badge badge : values()) {
            if (!held.contains(badge)) {
                return Optional.of(switch (badge) {
                    case FIRST_VISIT -> "Your first visit earns the First visit badge";
                    case TEN_VISITS -> plural(TEN - state.visits(), "more visit") + " for the 10 visits badge";
                    case STREAK -> plural(streakWeeks - Math.max(state.streakWeeks(), 0), "more week")
                            + " in a row for the Weekly streak badge";
                    case EARLY_BIRD -> "Visit before " + earlyBirdBefore + " for the Early bird badge";
                });
            }
        }
        return Optional.empty();
    }

    private static String plural(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
