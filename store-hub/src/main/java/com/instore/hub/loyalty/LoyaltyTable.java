package com.instore.hub.loyalty;

import com.instore.hub.db.Sql;
import com.instore.hub.members.Tier;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The loyalty columns of {@code members} and the visit, badge and monthly tables. Blocking, on the caller's transaction. */
final class LoyaltyTable {
    private static final String READ = """
            SELECT m.points, m.tier, m.visits, m.first_visit_ms, m.last_visit_ms, m.streak_week, m.streak_weeks,
            s.last_visit_ms FROM members m
            LEFT JOIN store_visits s ON s.member_id = m.member_id AND s.store_id = ? WHERE m.member_id = ?""";
    private static final String SAVE = """
            UPDATE members SET points = ?, tier = ?, visits = ?, first_visit_ms = ?, last_visit_ms = ?, streak_week = ?,
            streak_weeks = ? WHERE member_id = ?""";
    private static final String STORE_VISIT = """
            INSERT INTO store_visits (member_id, store_id, visits, last_visit_ms) VALUES (?, ?, 1, ?)
            ON CONFLICT (member_id, store_id) DO UPDATE SET visits = store_visits.visits + 1,
            last_visit_ms = excluded.last_visit_ms""";
    private static final String MONTHLY = """
            INSERT INTO monthly_visits (store_id, month, member_id, visits, reached_ms) VALUES (?, ?, ?, 1, ?)
            ON CONFLICT (store_id, month, member_id) DO UPDATE SET visits = monthly_visits.visits + 1,
            reached_ms = excluded.reached_ms""";
    private static final String VISIT = """
            INSERT INTO visits (tap_id, member_id, store_id, visited_ms, points, credential_type) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String TOP = """
            SELECT member_id FROM monthly_visits WHERE store_id = ? AND month = ?
            ORDER BY visits DESC, reached_ms ASC, member_id ASC LIMIT ?""";

    /** Takes the member's row lock (PostgreSQL): one member's taps are serialised. */
    void lock(Connection c, String memberId) throws SQLException {
        Sql.update(c, "UPDATE members SET lock_version = lock_version + 1 WHERE member_id = ?", memberId);
    }

    VisitState read(Connection c, String memberId, String storeId) throws SQLException {
        return Sql.one(c, READ, rs -> new VisitState(rs.getLong(1), Tier.parse(rs.getString(2)), rs.getLong(3),
                Sql.instant(rs, 4), Sql.instant(rs, 5), Sql.nullableLong(rs, 6), rs.getInt(7), Sql.instant(rs, 8)),
                storeId, memberId).orElseThrow(() -> new IllegalStateException("member " + memberId + " vanished"));
    }

    /** A counted visit: the member's new state, the store's and the month's counts, and the visit itself. */
    void save(Connection c, String memberId, VisitState after, Visit visit) throws SQLException {
        Sql.update(c, SAVE, after.points(), after.tier().name(), after.visits(), after.firstVisit(), after.lastVisit(),
                after.streakWeek(), after.streakWeeks(), memberId);
        Sql.update(c, STORE_VISIT, memberId, visit.storeId(), visit.at());
        Sql.update(c, MONTHLY, visit.storeId(), visit.month(), memberId, visit.at());
        Sql.update(c, VISIT, visit.tapId(), memberId, visit.storeId(), visit.at(), visit.points(), visit.credentialType());
    }

    /** The visit being counted. */
    record Visit(String tapId, String storeId, String month, Instant at, long points, String credentialType) {
    }

    Set<Badge> badges(Connection c, String memberId) throws SQLException {
        Set<Badge> held = EnumSet.noneOf(Badge.class);
        Sql.list(c, "SELECT badge FROM member_badges WHERE member_id = ?", rs -> rs.getString(1), memberId)
                .forEach(name -> held.add(Badge.valueOf(name)));
        return held;
    }

    void award(Connection c, String memberId, Badge badge, Instant at) throws SQLException {
        Sql.update(c, "INSERT INTO member_badges (member_id, badge, earned_ms) VALUES (?, ?, ?)", memberId, badge.name(),
                at);
    }

    /** The store's top regulars of {@code month}, first first. Reads only the top of the rank index. */
    List<String> top(Connection c, String storeId, String month, int n) throws SQLException {
        return Sql.list(c, TOP, rs -> rs.getString(1), storeId, month, n);
    }
}
