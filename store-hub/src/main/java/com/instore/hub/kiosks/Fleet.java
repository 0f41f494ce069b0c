package com.instore.hub.kiosks;

import com.instore.hub.db.Database;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.MessageCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's kiosks: who is declared (config/store.yaml), each one's secret fingerprint, and presence from their retained
 * statuses. The declared set and fingerprints are fixed at start and readable from any thread without blocking (the broker's
 * authenticator asks on every CONNECT); presence methods block on the database.
 */
public final class Fleet {
    private final String storeId;
    private final String storeName;
    private final Map<String, Known> kiosks;
    private final KioskTable table;
    private final MessageCodec codec;
    private final Clock clock;

    private record Known(String zone, String fingerprint, Optional<Location> location) {
    }

    private Fleet(StoreFile.Store store, Map<String, Known> kiosks, KioskTable table, MessageCodec codec, Clock clock) {
        this.storeId = store.id();
        this.storeName = store.name();
        this.kiosks = Map.copyOf(kiosks);
        this.table = table;
        this.codec = codec;
        this.clock = clock;
    }

    /** Reads the store file and provisions every declared kiosk's secret (see {@link KioskSecrets}). */
    public static Fleet open(Path storeFile, Path dataDir, Database db, MessageCodec codec, Clock clock)
            throws IOException, SQLException {
        StoreFile.Store store = StoreFile.read(storeFile);
        KioskTable table = new KioskTable(db, codec);
        KioskSecrets secrets = new KioskSecrets(dataDir);
        Map<String, Known> kiosks = new LinkedHashMap<>();
        for (StoreFile.KioskDecl k : store.kiosks()) {
            String fingerprint = secrets.fingerprint(k, table.fingerprint(store.id(), k.id()));
            table.upsert(store.id(), k.id(), k.zone(), fingerprint);
            kiosks.put(k.id(), new Known(k.zone(), fingerprint,
                    Optional.ofNullable(k.location()).or(() -> Optional.ofNullable(store.location()))));
        }
        return new Fleet(store, kiosks, table, codec, clock);
    }

    public String storeId() {
        return storeId;
    }

    public String storeName() {
        return storeName;
    }

    /** Whether {@code kiosk} is one of this store's declared kiosks. Non-blocking. */
    public boolean isKnown(KioskAddress kiosk) {
        return storeId.equals(kiosk.storeId()) && kiosks.containsKey(kiosk.kioskId());
    }

    /** The zone of a declared kiosk, its id when unknown. Non-blocking. */
    public String zone(String kioskId) {
        Known known = kiosks.get(kioskId);
        return known == null ? kioskId : known.zone();
    }

    /** Where a kiosk is (its own location or the store's), empty when the store file does not say. Non-blocking. */
    public Optional<Location> location(String kioskId) {
        return Optional.ofNullable(kiosks.get(kioskId)).flatMap(Known::location);
    }

    /** SHA-256 hex of a declared kiosk's secret. Non-blocking. */
    public Optional<String> fingerprint(String kioskId) {
        return Optional.ofNullable(kiosks.get(kioskId)).map(Known::fingerprint);
    }

    /**
     * Records a status from {@code kiosk}'s status topic. A live message sets last-seen to now; a retained one replayed at
     * subscription time keeps the time the kiosk itself wrote. An OFFLINE status (the Will) keeps the last health report.
     *
     * @throws InvalidInbound when the kiosk is not declared or the payload is not a status of this kiosk
     */
    public void onStatus(KioskAddress kiosk, byte[] payload, boolean retained) throws InvalidInbound, SQLException {
        if (!isKnown(kiosk)) {
            throw InvalidInbound.unknownKiosk(kiosk);
        }
        KioskStatus status;
        try {
            status = codec.decode(payload, KioskStatus.class);
        } catch (InvalidMessageException e) {
            throw InvalidInbound.of(e);
        }
        if (!status.kioskId().equals(kiosk.kioskId())) {
            throw InvalidInbound.mismatch(status.kioskId(), kiosk.kioskId());
        }
        boolean online = status.presence() == KioskStatus.Presence.ONLINE;
        Instant seen = retained ? status.at() : clock.instant();
        table.presence(storeId, kiosk.kioskId(), online, seen,
                online ? new String(codec.encode(status), StandardCharsets.UTF_8) : null);
    }

    /** Every declared kiosk with its presence, ordered by id. Blocking. */
    public List<KioskView> kiosks() throws SQLException {
        return table.list(storeId).stream().filter(v -> kiosks.containsKey(v.kioskId())).toList();
    }
}
