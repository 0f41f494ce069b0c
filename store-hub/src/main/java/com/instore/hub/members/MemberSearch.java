package com.instore.hub.members;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;
import com.instore.hub.identity.CardUidHmac;
import com.instore.hub.identity.CredentialKey;
import com.instore.protocol.Consents;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds members for support: by member id, by a card UID the operator reads off the card (resolved as a tap is: the
 * HMAC with the store secret, matching cards and SUN tags with that UID), or by a phone's credential id. Answers a
 * {@link SupportView}: what support needs and no more. Blocking (database); thread-safe.
 */
public final class MemberSearch {
    /** What the operator typed. */
    public enum By { ID, CARD, PHONE }

    /**
     * A member as support sees them. The first name only while the member consents to be recognised, the preferences only
     * while they consent to personalisation; credentials by kind and link date, never their stored hashes; no tap history.
     */
    public record SupportView(String memberId, String firstName, String tier, long points, long visits, Instant lastVisit,
                              Consents consents, List<String> preferences, List<Held> credentials, int liveCoupons) {
    }

    /** A credential the member holds, as support sees it. */
    public record Held(String type, Instant linkedAt) {
    }

    private final Database db;
    private final Members members;
    private final CardUidHmac cards;

    public MemberSearch(Database db, Members members, String storeSecret) {
        this.db = db;
        this.members = members;
        this.cards = new CardUidHmac(storeSecret);
    }

    /**
     * The members matching {@code value} (at most one per credential kind); empty when none.
     *
     * @throws IllegalArgumentException when {@code value} cannot be such a credential (a card UID that is not hex)
     */
    public List<SupportView> find(By by, String value, Instant now) throws SQLException {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("nothing to search for");
        }
        List<CredentialKey> keys = switch (by) {
            case ID -> List.of();
            case CARD -> {
                String hash = cards.hash(v).orElseThrow(() -> new IllegalArgumentException(
                        "not a card UID: 4 to 16 hex bytes, separators allowed (04:A2:2B:1A)"));
                yield List.of(new CredentialKey(CredentialKey.Kind.CARD_UID, hash),
                        new CredentialKey(CredentialKey.Kind.SUN, hash));
            }
            case PHONE -> List.of(new CredentialKey(CredentialKey.Kind.PHONE, v));
        };
        return db.withConnection(c -> {
            Set<String> ids = new LinkedHashSet<>();
            if (by == By.ID) {
                ids.add(v);
            }
            for (CredentialKey key : keys) {
                Sql.one(c, "SELECT member_id FROM member_credentials WHERE credential_type = ? AND credential_hash = ?",
                        rs -> rs.getString(1), key.type(), key.hash()).ifPresent(ids::add);
            }
            List<SupportView> found = new ArrayList<>();
            for (String id : ids) {
                view(c, id, now).ifPresent(found::add);
            }
            return found;
        });
    }

    private Optional<SupportView> view(Connection c, String id, Instant now) throws SQLException {
        Optional<Member> member = members.byId(c, id);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        Consents consents = member.get().consents();
        record Loyalty(long visits, Instant last) {
        }
        Loyalty loyalty = Sql.one(c, "SELECT visits, last_visit_ms FROM members WHERE member_id = ?",
                rs -> new Loyalty(rs.getLong(1), Sql.instant(rs, "last_visit_ms")), id).orElseThrow();
        List<Held> held = Sql.list(c, "SELECT credential_type, linked_at_ms FROM member_credentials WHERE member_id = ?"
                + " ORDER BY credential_type", rs -> new Held(rs.getString(1), Sql.instant(rs, "linked_at_ms")), id);
        long live = Sql.count(c, "SELECT COUNT(*) FROM coupons WHERE member_id = ? AND redeemed_ms IS NULL"
                + " AND expires_ms > ?", id, now.toEpochMilli());
        return Optional.of(new SupportView(id, consents.recognition() ? member.get().firstName() : null,
                member.get().tier().name(), member.get().points(), loyalty.visits(), loyalty.last(), consents,
                consents.personalised() ? members.preferences(c, id) : List.of(), held, (int) live));
    }
}
