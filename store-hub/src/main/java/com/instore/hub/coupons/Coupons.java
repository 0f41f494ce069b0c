package com.instore.hub.coupons;

import com.instore.hub.db.Database;
import com.instore.protocol.KioskAddress;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Coupons: issued with a member's tap (one per offer shown, reused while unredeemed), printed or dismissed from the kiosk,
 * redeemed once at a till. Redemption is atomic (a conditional UPDATE) and idempotent per request id. Thread-safe;
 * blocking.
 */
public final class Coupons {
    private final Database db;
    private final RedemptionBudget budget;
    private final CouponTable table = new CouponTable();

    /** Claims one redemption against the offer's budget and stock, on the redemption's transaction. */
    @FunctionalInterface
    public interface RedemptionBudget {
        /** @return false when the offer's budget or stock is used up (the redemption is then refused) */
        boolean claim(Connection c, String offerId, String segment, boolean ranked) throws SQLException;
    }

    public Coupons(Database db, RedemptionBudget budget) {
        this.db = db;
        this.budget = budget;
    }

    /** The member's coupon for the offer that is still usable (not redeemed, dismissed or expired). */
    public Optional<Coupon> live(Connection c, String memberId, String offerId, Instant now) throws SQLException {
        return table.live(c, memberId, offerId, now).map(CouponTable.Row::coupon);
    }

    /** How many coupons of the offer the member got since {@code since} (caps). */
    public long issuedSince(Connection c, String memberId, String offerId, Instant since) throws SQLException {
        return table.issuedSince(c, memberId, offerId, since);
    }

    /**
     * The member's usable coupons and the offers whose coupon they dismissed since {@code dismissedSince} (not shown
     * again for a while), in one query.
     */
    public HeldCoupons held(Connection c, String memberId, Instant now, Instant dismissedSince) throws SQLException {
        return table.held(c, memberId, now, dismissedSince);
    }

    /** Issues a new coupon on the tap's transaction. */
    public Coupon issue(Connection c, String offerId, String memberId, String segment, boolean ranked, KioskAddress kiosk,
                        String tapId, Instant now, Duration validity) throws SQLException {
        String code = CouponCode.generate();
        while (table.byCode(c, code).isPresent()) {
            code = CouponCode.generate();
        }
        Instant expires = now.plus(validity);
        table.insert(c, new CouponTable.Row(code, offerId, memberId, segment, ranked, kiosk.storeId(), kiosk.kioskId(),
                tapId, now, expires, null, null, null, null, null, null));
        return new Coupon(code, offerId, expires);
    }

    /** Notes that a coupon was printed (the first time counts). */
    public void printed(Connection c, String code, Instant now) throws SQLException {
        table.mark(c, "printed_ms", code, now);
    }

    /** Notes that the shopper dismissed the coupon's offer. */
    public void dismissed(Connection c, String code, Instant now) throws SQLException {
        table.mark(c, "dismissed_ms", code, now);
    }

    /** A coupon as stored, for the till's look-up and the member export. */
    public Optional<CouponStatus> status(String typed) throws SQLException {
        Optional<String> code = CouponCode.parse(typed);
        return code.isEmpty() ? Optional.empty()
                : db.withConnection(c -> table.byCode(c, code.get()).map(CouponStatus::of));
    }

    public List<CouponStatus> ofMember(Connection c, String memberId) throws SQLException {
        return table.ofMember(c, memberId).stream().map(CouponStatus::of).toList();
    }

    /** Detaches the member's coupons from them (erasure): the coupons stay valid as bearer coupons. */
    public int anonymise(Connection c, String memberId) throws SQLException {
        return table.anonymise(c, memberId);
    }

    /**
     * Redeems a coupon at a till, once: the same {@code requestId} again gets the same answer; another request for a
     * redeemed coupon gets when and where it was redeemed. Expired codes are refused.
     */
    public Redemption redeem(String typed, String requestId, String storeId, String till, Instant now)
            throws SQLException {
        Optional<String> code = CouponCode.parse(typed);
        if (code.isEmpty()) {
            return new Redemption(Redemption.Outcome.MALFORMED, typed, null, null, null, null,
                    "not a coupon code: 13 symbols with a valid check symbol");
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS); // as stored: the answer to a retry is the same to the millisecond
        return db.inTransaction(c -> redeem(c, code.get(), requestId, storeId, till, at));
    }

    private Redemption redeem(Connection c, String code, String requestId, String storeId, String till, Instant now)
            throws SQLException {
        Optional<CouponTable.Row> row = table.byCode(c, code);
        if (row.isEmpty()) {
            return new Redemption(Redemption.Outcome.UNKNOWN, code, null, null, null, null, "no such coupon");
        }
        CouponTable.Row r = row.get();
        if (r.redeemed() == null && r.expires().isAfter(now) && table.redeem(c, code, now, storeId, till, requestId)) {
            if (budget.claim(c, r.offerId(), r.segment(), r.ranked())) {
                return new Redemption(Redemption.Outcome.REDEEMED, code, r.offerId(), now, storeId, till, "redeemed");
            }
            c.rollback(); // the coupon stays unredeemed: the offer ran out, not the shopper's coupon
            return result(Redemption.Outcome.EXHAUSTED, r, "this offer's budget or stock is used up");
        }
        return refusal(table.byCode(c, code).orElseThrow(), requestId, now);
    }

    private static Redemption refusal(CouponTable.Row r, String requestId, Instant now) {
        if (r.redeemed() != null) {
            boolean same = requestId != null && requestId.equals(r.redeemRequest());
            return result(same ? Redemption.Outcome.REPEATED : Redemption.Outcome.ALREADY_REDEEMED, r,
                    same ? "redeemed (repeated request)" : "already redeemed");
        }
        return result(Redemption.Outcome.EXPIRED, r, "expired at " + r.expires() + " (now " + now + ")");
    }

    private static Redemption result(Redemption.Outcome outcome, CouponTable.Row r, String detail) {
        return new Redemption(outcome, r.code(), r.offerId(), r.redeemed(), r.redeemedStore(), r.redeemedTill(), detail);
    }
}
