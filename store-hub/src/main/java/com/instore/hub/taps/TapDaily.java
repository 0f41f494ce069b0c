package com.instore.hub.taps;

import com.instore.hub.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The daily figures per kiosk ({@code tap_daily}), which outlive the raw taps (retention purges those): one tap added,
 * in the caller's transaction. Used by a store's tap path and by the chain's centre when it applies a store's tap.
 */
public final class TapDaily {
    private static final String ADD = """
            INSERT INTO tap_daily (store_id, kiosk_id, day, taps, recognised, verified, offers_shown)
            VALUES (?, ?, ?, 1, ?, ?, ?)
            ON CONFLICT (store_id, kiosk_id, day) DO UPDATE SET taps = tap_daily.taps + 1,
            recognised = tap_daily.recognised + excluded.recognised, verified = tap_daily.verified + excluded.verified,
            offers_shown = tap_daily.offers_shown + excluded.offers_shown""";

    private TapDaily() {
    }

    public static void add(Connection c, String storeId, String kioskId, LocalDate day, boolean recognised,
                           boolean verified, int offers) throws SQLException {
        Sql.update(c, ADD, storeId, kioskId, day.toString(), recognised ? 1L : 0L, verified ? 1L : 0L, (long) offers);
    }
}
