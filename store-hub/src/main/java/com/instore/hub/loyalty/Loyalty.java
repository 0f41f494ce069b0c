package com.instore.hub.loyalty;

import com.instore.hub.members.Tier;
import com.instore.protocol.MemberProgress;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewards presence: a visit that proves presence earns points at most once per store per {@link LoyaltyConfig#visitPeriod()}
 * (tapping twice earns nothing), promotes the tier when a threshold is reached, awards badges and counts towards the
 * store's regulars of the month. Thread-safe; blocks on the caller's (tap) transaction, whose first write locks the member.
 */
public final class Loyalty {
    private final LoyaltyConfig config;
    private final LoyaltyTable table = new LoyaltyTable();
    private final boolean rowLocks;

    /**
     * {@code rowLocks}: whether a visit first takes the member's row lock (PostgreSQL, where concurrent taps of one member
     * must queue); a SQLite transaction here begins IMMEDIATE and already holds the write lock.
     */
    public Loyalty(LoyaltyConfig config, boolean rowLocks) {
        this.config = config;
        this.rowLocks = rowLocks;
    }

    public LoyaltyConfig config() {
        return config;
    }

    /** What a tap did to a member: their segment before it, and their progress after it. */
    public record Outcome(Segment segment, long visits, Tier tier, MemberProgress progress) {
    }

    /**
     * Records a member's tap.
     *
     * @param proved   whether the tap proves presence (see {@code Resolution.verified}), or a card UID the config lets earn
     * @param at       when the tap happened
     */
    public Outcome visit(Connection c, String memberId, String storeId, String tapId, String credentialType, boolean proved,
                         Instant at) throws SQLException {
        if (rowLocks) {
            table.lock(c, memberId);
        }
        VisitState before = table.read(c, memberId, storeId);
        Segment segment = Segment.of(before.visits(), before.lastVisit(), at, config.lapsedAfter());
        boolean counts = proved && (before.storeLastVisit() == null
                || !at.isBefore(before.storeLastVisit().plus(config.visitPeriod())));
        VisitState after = counts ? count(c, memberId, storeId, tapId, credentialType, before, at) : before;
        Set<Badge> held = table.badges(c, memberId);
        List<String> newBadges = counts ? award(c, memberId, held, after, at) : List.of();
        long earned = after.points() - before.points();
        MemberProgress progress = new MemberProgress(after.tier().name(), after.points(),
                config.nextTier(after.tier(), after.points()), earned, labels(held), newBadges,
                Badge.nextStep(held, after, config.streakWeeks(), config.earlyBirdBefore().toString()).orElse(""),
                rank(c, memberId, storeId, at));
        return new Outcome(segment, after.visits(), after.tier(), progress);
    }

    /** The visit counts: points, tier promotion (never a demotion), visit count, streak; written now. */
    private VisitState count(Connection c, String memberId, String storeId, String tapId, String credentialType,
                             VisitState s, Instant at) throws SQLException {
        long points = s.points() + config.pointsPerVisit();
        Tier tier = config.tierFor(points).compareTo(s.tier()) > 0 ? config.tierFor(points) : s.tier();
        long week = weekIndex(at);
        int streak = s.streakWeek() == null ? 1 : s.streakWeek() == week ? s.streakWeeks()
                : s.streakWeek() == week - 1 ? s.streakWeeks() + 1 : 1;
        VisitState after = new VisitState(points, tier, s.visits() + 1, s.firstVisit() == null ? at : s.firstVisit(), at,
                week, streak, at);
        table.save(c, memberId, after, new LoyaltyTable.Visit(tapId, storeId, month(at), at, config.pointsPerVisit(),
                credentialType));
        return after;
    }

    private List<String> award(Connection c, String memberId, Set<Badge> held, VisitState after, Instant at)
            throws SQLException {
        boolean early = LocalDateTime.ofInstant(at, config.zone()).toLocalTime().isBefore(config.earlyBirdBefore());
        List<String> fresh = new ArrayList<>();
        for (Badge badge : Badge.values()) {
            if (!held.contains(badge) && badge.earnedBy(after, early, config.streakWeeks())) {
                table.award(c, memberId, badge, at);
                held.add(badge);
                fresh.add(badge.label());
            }
        }
        return fresh;
    }

    /** "Regular of the month" for the first, "No. 3 regular this month" within the top; empty below it. */
    private String rank(Connection c, String memberId, String storeId, Instant at) throws SQLException {
        int position = table.top(c, storeId, month(at), config.rankSize()).indexOf(memberId);
        return position < 0 ? "" : position == 0 ? "Regular of the month" : "No. " + (position + 1) + " regular this month";
    }

    private static List<String> labels(Set<Badge> held) {
        return held.stream().sorted().map(Badge::label).toList();
    }

    private String month(Instant at) {
        return YearMonth.from(at.atZone(config.zone())).toString();
    }

    /** Consecutive ISO weeks get consecutive numbers (year * 53 + week is not consecutive across years). */
    private long weekIndex(Instant at) {
        LocalDate monday = at.atZone(config.zone()).toLocalDate().with(DayOfWeek.MONDAY);
        return monday.toEpochDay() / 7;
    }
}
