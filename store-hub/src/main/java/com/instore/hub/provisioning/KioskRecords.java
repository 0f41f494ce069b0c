package com.instore.hub.provisioning;

import com.instore.hub.db.Database;
import com.instore.hub.db.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code kiosk_provisioning} table. Blocking; thread-safe. */
final class KioskRecords {
    private static final String COLUMNS = "kiosk_id, zone, hardware_profile, origin, state, desired_version, desired_json, "
            + "reported_json, created_ms";

    private final Database db;
    private final String storeId;

    KioskRecords(Database db, String storeId) {
        this.db = db;
        this.storeId = storeId;
    }

    String storeId() {
        return storeId;
    }

    Optional<KioskRecord> find(String kioskId) throws SQLException {
        return db.withConnection(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM kiosk_provisioning WHERE store_id = ? "
                + "AND kiosk_id = ?", KioskRecords::row, storeId, kioskId));
    }

    List<KioskRecord> all() throws SQLException {
        return db.withConnection(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM kiosk_provisioning WHERE store_id = ? "
                + "ORDER BY kiosk_id", KioskRecords::row, storeId));
    }

    /** Creates the kiosk, or makes an existing (even retired) one live again with this zone, profile and origin. */
    void upsert(String kioskId, String zone, String profile, KioskRecord.Origin origin, KioskRecord.State state,
                Instant now) throws SQLException {
        db.inTransaction(c -> {
            int changed = Sql.update(c, "UPDATE kiosk_provisioning SET zone = ?, hardware_profile = ?, origin = ?, state = ?, "
                    + "retired_ms = NULL WHERE store_id = ? AND kiosk_id = ?", zone, profile, origin.name(), state.name(),
                    storeId, kioskId);
            if (changed == 0) {
                Sql.update(c, "INSERT INTO kiosk_provisioning (store_id, kiosk_id, zone, hardware_profile, origin, state, "
                        + "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", storeId, kioskId, zone, profile, origin.name(),
                        state.name(), now);
            }
            return changed;
        });
    }

    void state(String kioskId, KioskRecord.State state, Instant now) throws SQLException {
        db.withConnection(c -> Sql.update(c, "UPDATE kiosk_provisioning SET state = ?, retired_ms = ? WHERE store_id = ? "
                + "AND kiosk_id = ?", state.name(), state == KioskRecord.State.RETIRED ? now : null, storeId, kioskId));
    }

    void desired(String kioskId, long version, String json) throws SQLException {
        db.withConnection(c -> Sql.update(c, "UPDATE kiosk_provisioning SET desired_version = ?, desired_json = ? "
                + "WHERE store_id = ? AND kiosk_id = ?", version, json, storeId, kioskId));
    }

    void reported(String kioskId, String json) throws SQLException {
        db.withConnection(c -> Sql.update(c, "UPDATE kiosk_provisioning SET reported_json = ? WHERE store_id = ? "
                + "AND kiosk_id = ?", json, storeId, kioskId));
    }

    void delete(String kioskId) throws SQLException {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM enrolment_codes WHERE store_id = ? AND kiosk_id = ?", storeId, kioskId);
            return Sql.update(c, "DELETE FROM kiosk_provisioning WHERE store_id = ? AND kiosk_id = ?", storeId, kioskId);
        });
    }

    /** Whether the kiosk was retired (a retired kiosk stays shut out even while store.yaml still declares it). */
    boolean isRetired(String kioskId) throws SQLException {
        return find(kioskId).map(r -> r.state() == KioskRecord.State.RETIRED).orElse(false);
    }

    private static KioskRecord row(ResultSet rs) throws SQLException {
        return new KioskRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                KioskRecord.Origin.valueOf(rs.getString(4)), KioskRecord.State.valueOf(rs.getString(5)), rs.getLong(6),
                rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)));
    }
}
