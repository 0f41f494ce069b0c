package com.instore.hub.chain;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The centre's change feed: erasures, members and credentials whose centre version is above a store's watermark, oldest
 * change first, in pages of whole versions. Versions commit in order (see {@link CentreApply#nextVersion}), so reading above a watermark never skips a change
 * that commits later. Blocking; thread-safe.
 */
final class CentreFeed {
    private static final String MEMBERS = """
            SELECT member_id, first_name, tier, points, visits, consent_recognition, consent_personalised,
            consent_name_on_coupons, created_at_ms, consents_changed_ms, chain_version FROM members
            WHERE chain_version > ? AND chain_version <= ? ORDER BY chain_version, member_id""";
    private static final String CREDENTIALS = """
            SELECT credential_type, credential_hash, member_id, public_key, last_counter, linked_at_ms, chain_version
            FROM member_credentials WHERE chain_version > ? AND chain_version <= ?
            ORDER BY chain_version, credential_type, credential_hash""";

    /** A member erased at the centre, with the version of the erasure. */
    record Erased(String memberId, long version) {
    }

    List<Erased> erasures(Database centre, long above, int limit) throws SQLException {
        return centre.withConnection(c -> Sql.list(c, "SELECT member_id, chain_version FROM erased_members "
                + "WHERE chain_version > ? AND chain_version <= ? ORDER BY chain_version, member_id",
                rs -> new Erased(rs.getString(1), rs.getLong(2)), above, upTo(c, "erased_members", above, limit)));
    }

    List<Facts.MemberRow> members(Database centre, long above, int limit) throws SQLException {
        return centre.withConnection(c -> Sql.list(c, MEMBERS, rs -> {
            Facts.MemberRow m = LocalFacts.member(rs);
            return new Facts.MemberRow(m.memberId(), m.firstName(), m.tier(), m.points(), m.visits(), m.recognition(),
                    m.personalised(), m.nameOnCoupons(), m.createdMs(), m.consentsChangedMs(), rs.getLong(11));
        }, above, upTo(c, "members", above, limit)));
    }

    List<Facts.CredentialRow> credentials(Database centre, long above, int limit) throws SQLException {
        return centre.withConnection(c -> Sql.list(c, CREDENTIALS, rs -> {
            Facts.CredentialRow cr = LocalFacts.credential(rs);
            return new Facts.CredentialRow(cr.type(), cr.hash(), cr.memberId(), cr.publicKey(), cr.lastCounter(),
                    cr.linkedMs(), rs.getLong(7));
        }, above, upTo(c, "member_credentials", above, limit)));
    }

    /**
     * The last version of a page: that of the {@code limit}-th change above {@code above}. A page holds whole versions
     * (one centre batch shares one version), so it may be longer than {@code limit}; a watermark moved to the end of a
     * page never skips the rest of a version.
     */
    private static long upTo(Connection c, String table, long above, int limit) throws SQLException {
        return Sql.count(c, "SELECT MAX(chain_version) FROM (SELECT chain_version FROM " + table
                + " WHERE chain_version > ? ORDER BY chain_version LIMIT ?) page", above, limit);
    }
}
