package com.instore.hub.chain;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import com.instore.hub.members.Tier;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The store side of the downward flow: applies the centre's changes to the store's database and moves the feed's
 * watermark in the same transaction. A member's balance becomes the centre's plus what the store's own unshipped visits
 * add (the centre has not counted those yet), its tier the higher of both; consents follow the later change (last writer
 * wins). Rows applied here are marked as known to the centre, so they are not shipped back up. An erased member is never
 * brought back: erasures are pulled first. Blocking; called by the sync thread only.
 */
final class LocalApply {
    static final String MEMBERS = "members";
    static final String CREDENTIALS = "credentials";
    static final String ERASURES = "erasures";
    private static final String PENDING = """
            SELECT COALESCE(SUM(v.points), 0), COUNT(*) FROM visits v JOIN taps t ON t.tap_id = v.tap_id
            WHERE v.member_id = ? AND t.chain_shipped IS NULL""";
    private static final String INSERT = """
            INSERT INTO members (member_id, first_name, tier, points, visits, consent_recognition, consent_personalised,
            consent_name_on_coupons, created_at_ms, consents_changed_ms, chain_synced_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String CONSENTS = """
            UPDATE members SET consent_recognition = ?, consent_personalised = ?, consent_name_on_coupons = ?,
            consents_changed_ms = ?, chain_synced_ms = ? WHERE member_id = ? AND COALESCE(consents_changed_ms, 0) <= ?""";
    private static final String CREDENTIAL = """
            INSERT INTO member_credentials (credential_type, credential_hash, member_id, public_key, last_counter,
            linked_at_ms, chain_shipped) VALUES (?, ?, ?, ?, ?, ?, TRUE)
            ON CONFLICT (credential_type, credential_hash) DO UPDATE SET member_id = excluded.member_id,
            public_key = excluded.public_key, linked_at_ms = excluded.linked_at_ms, chain_shipped = TRUE""";

    private final Database db;
    private final ChainLink.LocalEraser eraser;

    LocalApply(Database db, ChainLink.LocalEraser eraser) {
        this.db = db;
        this.eraser = eraser;
    }

    /**
     * Erases locally every member the centre erased (the store's own erasure: screens cleared, events anonymised), then
     * remembers the id as erased and known to the centre. Erasing twice changes nothing, so a crash in between is safe.
     */
    void erasures(List<CentreFeed.Erased> rows) throws SQLException {
        for (CentreFeed.Erased e : rows) {
            eraser.erase(e.memberId());
            db.inTransaction(c -> {
                if (Sql.update(c, "UPDATE erased_members SET chain_shipped = TRUE WHERE member_id = ?", e.memberId()) == 0) {
                    Sql.update(c, "INSERT INTO erased_members (member_id, erased_ms, chain_shipped) VALUES (?, ?, TRUE)",
                            e.memberId(), System.currentTimeMillis());
                }
                return advance(c, ERASURES, e.version());
            });
        }
    }

    long watermark(String feed) throws SQLException {
        return db.withConnection(c -> Sql.count(c, "SELECT version FROM chain_watermarks WHERE feed = ?", feed));
    }

    void members(List<Facts.MemberRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            for (Facts.MemberRow m : rows) {
                if (!erased(c, m.memberId())) {
                    member(c, m);
                }
            }
            return advance(c, MEMBERS, rows.getLast().version());
        });
    }

    /**
     * Applies a page of credentials; false when it stopped at one whose member this store has not pulled yet (it reached
     * the centre after this round's member pull): the watermark then stays below it, and the next round brings both.
     */
    boolean credentials(List<Facts.CredentialRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return true;
        }
        return db.inTransaction(c -> {
            long upTo = rows.getLast().version();
            boolean complete = true;
            for (Facts.CredentialRow cr : rows) {
                boolean known = Sql.count(c, "SELECT COUNT(*) FROM members WHERE member_id = ?", cr.memberId()) == 1;
                if (!known && !erased(c, cr.memberId())) {
                    upTo = cr.version() - 1; // rows of its version already applied are applied again: upserts
                    complete = false;
                    break;
                }
                if (known) {
                    Sql.update(c, CREDENTIAL, cr.type(), cr.hash(), cr.memberId(), cr.publicKey(), cr.lastCounter(),
                            cr.linkedMs());
                }
            }
            advance(c, CREDENTIALS, upTo);
            return complete;
        });
    }

    private void member(Connection c, Facts.MemberRow m) throws SQLException {
        long[] pending = Sql.one(c, PENDING, rs -> new long[]{rs.getLong(1), rs.getLong(2)}, m.memberId()).orElseThrow();
        long consentsMs = m.consentsChangedMs() == null ? 0L : m.consentsChangedMs();
        var local = Sql.one(c, "SELECT tier FROM members WHERE member_id = ?", rs -> rs.getString(1), m.memberId());
        if (local.isEmpty()) {
            Sql.update(c, INSERT, m.memberId(), m.firstName(), m.tier(), m.points() + pending[0], m.visits() + pending[1],
                    m.recognition(), m.personalised(), m.nameOnCoupons(), m.createdMs(), m.consentsChangedMs(),
                    consentsMs);
            return;
        }
        String tier = Tier.parse(local.get()).compareTo(Tier.parse(m.tier())) > 0 ? local.get() : m.tier();
        Sql.update(c, "UPDATE members SET first_name = ?, tier = ?, points = ?, visits = ? WHERE member_id = ?",
                m.firstName(), tier, m.points() + pending[0], m.visits() + pending[1], m.memberId());
        Sql.update(c, CONSENTS, m.recognition(), m.personalised(), m.nameOnCoupons(), m.consentsChangedMs(), consentsMs,
                m.memberId(), consentsMs);
    }

    /** Moves a feed's watermark forward (never back). */
    private static int advance(Connection c, String feed, long version) throws SQLException {
        Optional<Long> current = Sql.one(c, "SELECT version FROM chain_watermarks WHERE feed = ?", rs -> rs.getLong(1),
                feed);
        if (current.isEmpty()) {
            return Sql.update(c, "INSERT INTO chain_watermarks (feed, version) VALUES (?, ?)", feed, version);
        }
        return version > current.get()
                ? Sql.update(c, "UPDATE chain_watermarks SET version = ? WHERE feed = ?", version, feed) : 0;
    }

    private static boolean erased(Connection c, String memberId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM erased_members WHERE member_id = ?", memberId) > 0;
    }
}
