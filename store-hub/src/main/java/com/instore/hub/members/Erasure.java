package com.instore.hub.members;

import com.instore.hub.coupons.Coupons;
import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import com.instore.hub.identity.Identity;
import com.instore.hub.identity.LinkedCredential;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a member (right to erasure), in one transaction: personal data deleted (name, consents, preferences, badges,
 * per-store and monthly counts, manage links, where their credentials were last seen), credentials unlinked (the next tap
 * of their card gets the welcome), events anonymised (taps, visits and coupons keep no member id; a tap's stored answer
 * becomes an anonymous welcome, so even a redelivered tap shows no name). The member id is remembered as erased so that a
 * demo file does not bring the member back. Then every kiosk that may still show the member is told to clear its screen.
 * Thread-safe; blocking.
 */
public final class Erasure {
    /** Screens showing a tap younger than this may still show the member. */
    static final Duration ON_SCREEN = Duration.ofMinutes(5);

    private final Database db;
    private final Identity identity;
    private final Coupons coupons;
    private final MessageCodec codec;
    private final ScreenClearer screens;
    private final Clock clock;

    /** Tells a kiosk to leave the screen of a tap (a CLEAR update); must not block. */
    @FunctionalInterface
    public interface ScreenClearer {
        void clear(String kioskId, String tapId);
    }

    /** What was erased. */
    public record Summary(String memberId, int credentialsUnlinked, int eventsAnonymised, int screensCleared) {
    }

    private record TapRef(String tapId, String kioskId, long receivedMs) {
    }

    public Erasure(Database db, Identity identity, Coupons coupons, MessageCodec codec, ScreenClearer screens, Clock clock) {
        this.db = db;
        this.identity = identity;
        this.coupons = coupons;
        this.codec = codec;
        this.screens = screens;
        this.clock = clock;
    }

    /** Erases the member; empty when there is no such member (already erased, or never was). */
    public Optional<Summary> erase(String memberId) throws SQLException {
        Instant now = clock.instant();
        Optional<Erased> erased = db.inTransaction(c -> erase(c, memberId, now));
        if (erased.isEmpty()) {
            return Optional.empty();
        }
        List<TapRef> onScreen = erased.get().taps().stream()
                .filter(t -> t.receivedMs() >= now.minus(ON_SCREEN).toEpochMilli()).toList();
        onScreen.forEach(t -> screens.clear(t.kioskId(), t.tapId()));
        Summary s = erased.get().summary();
        return Optional.of(new Summary(s.memberId(), s.credentialsUnlinked(), s.eventsAnonymised(), onScreen.size()));
    }

    private record Erased(Summary summary, List<TapRef> taps) {
    }

    private Optional<Erased> erase(Connection c, String id, Instant now) throws SQLException {
        if (Sql.count(c, "SELECT COUNT(*) FROM members WHERE member_id = ?", id) == 0) {
            return Optional.empty();
        }
        List<TapRef> taps = Sql.list(c, "SELECT tap_id, kiosk_id, received_at_ms FROM taps WHERE member_id = ?",
                rs -> new TapRef(rs.getString(1), rs.getString(2), rs.getLong(3)), id);
        for (LinkedCredential credential : identity.credentialsOf(c, id)) {
            Sql.update(c, "DELETE FROM credential_sightings WHERE credential_type = ? AND credential_hash = ?",
                    credential.type(), credential.storedAs());
        }
        int unlinked = identity.unlinkAll(c, id);
        for (String table : List.of("member_preferences", "member_badges", "store_visits", "monthly_visits", "join_invites")) {
            Sql.update(c, "DELETE FROM " + table + " WHERE member_id = ?", id);
        }
        int events = Sql.update(c, "UPDATE visits SET member_id = NULL WHERE member_id = ?", id);
        events += coupons.anonymise(c, id);
        for (TapRef tap : taps) {
            events += Sql.update(c, "UPDATE taps SET member_id = NULL, tier = NULL, answer_json = ? WHERE tap_id = ?",
                    anonymousAnswer(tap, now), tap.tapId());
        }
        Sql.update(c, "DELETE FROM members WHERE member_id = ?", id);
        Sql.update(c, "INSERT INTO erased_members (member_id, erased_ms) VALUES (?, ?)", id, now);
        return Optional.of(new Erased(new Summary(id, unlinked, events, 0), taps));
    }

    private String anonymousAnswer(TapRef tap, Instant now) {
        ScreenUpdate welcome = new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), now, tap.kioskId(),
                tap.tapId(), ScreenUpdate.Kind.WELCOME, "Welcome!", null, List.of(), null);
        return new String(codec.encode(welcome), StandardCharsets.UTF_8);
    }
}
