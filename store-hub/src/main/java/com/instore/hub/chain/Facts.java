package com.instore.hub.chain;

import java.util.List;

/**
 * What a store ships to the centre in one batch, as the rows it committed locally. Immutable. Applied in this order:
 * erasures first (they win over anything of the member in the batch), then members and credentials (a tap of the batch
 * may name a member the centre does not know yet), taps, and redemptions of coupons whose taps are already there.
 */
record Facts(List<String> erasures, List<MemberRow> members, List<CredentialRow> credentials, List<TapRow> taps,
             List<Redemption> redemptions) {
    Facts {
        erasures = List.copyOf(erasures);
        members = List.copyOf(members);
        credentials = List.copyOf(credentials);
        taps = List.copyOf(taps);
        redemptions = List.copyOf(redemptions);
    }

    int size() {
        return erasures.size() + members.size() + credentials.size() + taps.size() + redemptions.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /**
     * A member as the store has it. Upward, {@code points} are the member's points that no visit of the store explains
     * (seed points of a demo file): the visits travel as ledger entries with their taps. Downward, the centre's balance.
     */
    record MemberRow(String memberId, String firstName, String tier, long points, long visits, boolean recognition,
                     boolean personalised, boolean nameOnCoupons, Long createdMs, Long consentsChangedMs, long version) {
    }

    /** A credential link (keyed hash with the chain-wide identity secret, never a clear UID). */
    record CredentialRow(String type, String hash, String memberId, String publicKey, Long lastCounter, Long linkedMs,
                         long version) {
    }

    /** A committed tap with its points ledger entry (null when it earned none) and the coupons it issued. */
    record TapRow(String tapId, String storeId, String kioskId, long tappedMs, long receivedMs, String credentialType,
                  String memberId, String tier, int offerCount, String answerJson, Long latencyUs, Visit visit,
                  List<Coupon> coupons) {
        TapRow {
            coupons = List.copyOf(coupons);
        }
    }

    /** A points ledger entry: entries from two partitioned stores commute, balances are their sums. */
    record Visit(long visitedMs, long points, String credentialType) {
    }

    /** A coupon redeemed at a till of the store. */
    record Redemption(String code, long redeemedMs, String store, String till, String request) {
    }

    /** A coupon as issued by the tap. */
    record Coupon(String code, String offerId, String segment, boolean ranked, long issuedMs, long expiresMs) {
    }
}
