package com.instore.protocol;

/** Where a recognised member stands: tier, points and, in words, what the next step needs. */
public record MemberProgress(String tier, long points, String next) {
    public MemberProgress {
        Check.text(tier, "member.tier", 32);
        if (points < 0) {
            throw new IllegalArgumentException("'member.points' is negative: " + points);
        }
        next = next == null ? "" : next;
    }
}
