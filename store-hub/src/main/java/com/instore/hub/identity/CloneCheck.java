package com.instore.hub.identity;

import com.instore.hub.db.Sql;
import com.instore.hub.kiosks.Location;
import com.instore.protocol.KioskAddress;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Notices a cloned weak credential: the same UID tapped in two places further apart than anyone travels in the time between
 * the taps ({@link IdentityConfig#maxTravelKmh()}). Keeps one sighting per credential (place and tap time), so the check
 * costs one indexed read and one upsert whatever the number of taps. Places come from the store file (store or kiosk
 * location); a kiosk without one is never compared. Blocking, on the tap's transaction.
 */
final class CloneCheck {
    private static final String LAST = """
            SELECT store_id, kiosk_id, latitude, longitude, seen_ms FROM credential_sightings
            WHERE credential_type = ? AND credential_hash = ?""";
    private static final String UPSERT = """
            INSERT INTO credential_sightings (credential_type, credential_hash, store_id, kiosk_id, latitude, longitude,
            seen_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (credential_type, credential_hash) DO UPDATE SET store_id = excluded.store_id,
            kiosk_id = excluded.kiosk_id, latitude = excluded.latitude, longitude = excluded.longitude,
            seen_ms = excluded.seen_ms""";

    private final IdentityConfig config;
    private final Function<String, Optional<Location>> places;

    /** @param places the location of each of this store's kiosks */
    CloneCheck(IdentityConfig config, Function<String, Optional<Location>> places) {
        this.config = config;
        this.places = places;
    }

    private record Sighting(String place, Location location, Instant at) {
    }

    /** Records this sighting; returns why it looks cloned, or empty. */
    Optional<String> check(Connection c, CredentialKey key, KioskAddress kiosk, Instant at) throws SQLException {
        Optional<Location> here = places.apply(kiosk.kioskId());
        Optional<Sighting> last = Sql.one(c, LAST, rs -> {
            double lat = rs.getDouble(3);
            return rs.wasNull() ? null : new Sighting(rs.getString(1) + "/" + rs.getString(2),
                    new Location(lat, rs.getDouble(4)), Instant.ofEpochMilli(rs.getLong(5)));
        }, key.type(), key.hash());
        Sql.update(c, UPSERT, key.type(), key.hash(), kiosk.storeId(), kiosk.kioskId(),
                here.map(Location::latitude).orElse(null), here.map(Location::longitude).orElse(null), at);
        if (here.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        return tooFast(last.get(), here.get(), kiosk, at);
    }

    private Optional<String> tooFast(Sighting last, Location here, KioskAddress kiosk, Instant at) {
        double km = last.location().distanceKm(here);
        if (km < config.minDistanceKm()) {
            return Optional.empty();
        }
        double hours = Math.max(Duration.between(last.at(), at).abs().toMillis(), 1_000) / 3_600_000.0;
        double kmh = km / hours;
        if (kmh <= config.maxTravelKmh()) {
            return Optional.empty();
        }
        return Optional.of("seen at %s then at %s: %.1f km in %.0f s (%.0f km/h, limit %.0f)".formatted(last.place(),
                kiosk, km, hours * 3600, kmh, config.maxTravelKmh()));
    }
}
