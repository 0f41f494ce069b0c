package com.instore.protocol;

import java.util.List;

/**
 * Where a recognised member stands: tier, points and, in words, what the next tier needs ({@code next}); the points this
 * tap earned (0 when it earned none), the badges held ({@code badges}, newest last) and those earned by this tap
 * ({@code newBadges}), what the next badge needs ({@code nextBadge}) and the member's standing in the store this month
 * ({@code rank}, in words; empty when none).
 */
public record MemberProgress(String tier, long points, String next, long pointsEarned, List<String> badges,
                             List<String> newBadges, String nextBadge, String rank) {
    public MemberProgress {
        Check.text(tier, "member.tier", 32);
        if (points < 0) {
            throw new IllegalArgumentException("'member.points' is negative: " + points);
        }
        if (pointsEarned < 0) {
            throw new IllegalArgumentException("'member.pointsEarned' is negative: " + pointsEarned);
        }
        next = next == null ? "" : next;
        badges = badges == null ? List.of() : List.copyOf(badges);
        newBadges = newBadges == null ? List.of() : List.copyOf(newBadges);
        nextBadge = nextBadge == null ? "" : nextBadge;
        rank = rank == null ? "" : rank;
    }

    public MemberProgress(String tier, long points, String next) {
        this(tier, points, next, 0, List.of(), List.of(), "", "");
    }
}
