package com.instore.hub.actions;

import com.instore.hub.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** What an action needs to know about its tap, and the {@code shopper_actions} record. Blocking, on the caller's connection. */
final class ActionTaps {
    /** The tap an action refers to. {@code memberId} is null for an anonymous tap. */
    record TapRef(String tapId, String kioskId, String memberId, Instant receivedAt, String answerJson) {
    }

    Optional<TapRef> tap(Connection c, String tapId) throws SQLException {
        return Sql.one(c, "SELECT tap_id, kiosk_id, member_id, received_at_ms, answer_json FROM taps WHERE tap_id = ?",
                rs -> new TapRef(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5)), tapId);
    }

    boolean seen(Connection c, String actionId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM shopper_actions WHERE action_id = ?", actionId) > 0;
    }

    void record(Connection c, String actionId, String tapId, String kioskId, String type, Instant at, String outcome)
            throws SQLException {
        Sql.update(c, """
                INSERT INTO shopper_actions (action_id, tap_id, kiosk_id, action_type, received_ms, outcome)
                VALUES (?, ?, ?, ?, ?, ?)""", actionId, tapId, kioskId, type, at, outcome);
    }
}
