package com.instore.hub.offers;

import com.instore.hub.db.Sql;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Learned redemption rates: a Thompson-sampling bandit per segment, one arm per offer, its state ({@code shows},
 * {@code rewards}) in {@code bandit_arms}. Each tap samples every eligible offer's rate from Beta(1 + rewards,
 * 1 + shows - rewards): offers that get redeemed rise, new offers still get tried. Thread-safe (sampling is serialised
 * on the random source); blocking.
 */
final class Bandit {
    private static final String SHOWN = """
            INSERT INTO bandit_arms (segment, offer_id, shows, rewards) VALUES (?, ?, 1, 0)
            ON CONFLICT (segment, offer_id) DO UPDATE SET shows = bandit_arms.shows + 1""";
    private static final String REWARD = """
            INSERT INTO bandit_arms (segment, offer_id, shows, rewards) VALUES (?, ?, 1, 1)
            ON CONFLICT (segment, offer_id) DO UPDATE SET rewards = bandit_arms.rewards + 1""";

    private final RandomGenerator random;

    Bandit(RandomGenerator random) {
        this.random = random;
    }

    /** One arm's counts. */
    record Arm(long shows, long rewards) {
    }

    Map<String, Arm> arms(Connection c, String segment) throws SQLException {
        Map<String, Arm> arms = new HashMap<>();
        Sql.list(c, "SELECT offer_id, shows, rewards FROM bandit_arms WHERE segment = ?",
                rs -> arms.put(rs.getString(1), new Arm(rs.getLong(2), rs.getLong(3))), segment);
        return arms;
    }

    /** A draw of the offer's redemption rate from its posterior. */
    synchronized double sample(Arm arm) {
        long failures = Math.max(0, arm.shows() - arm.rewards());
        return new BetaDistribution(random, 1 + arm.rewards(), 1 + failures).sample();
    }

    void shown(Connection c, String segment, String offerId) throws SQLException {
        Sql.update(c, SHOWN, segment, offerId);
    }

    void rewarded(Connection c, String segment, String offerId) throws SQLException {
        Sql.update(c, REWARD, segment, offerId);
    }
}
