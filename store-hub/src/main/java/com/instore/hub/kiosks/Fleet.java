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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * The store's kiosks that may connect: those declared in config/store.yaml and those enrolled by an operator, each with its
 * secret fingerprint, and presence from their retained statuses. Lookups ({@link #fingerprint}, {@link #isKnown}) never
 * block and are safe from any thread (the broker's authenticator asks on every CONNECT); {@link #admit} and
 * {@link #revoke} change the set at once, so a revoked kiosk's next CONNECT is refused. Presence methods block on the
 * database.
 */
public final class Fleet {
    private final String storeId;
    private final String storeName;
    private final Optional<Location> storeLocation;
    private final Map<String, Known> kiosks = new ConcurrentHashMap<>();
    private final KioskTable table;
    private final KioskSecrets secrets;
    private final MessageCodec codec;
    private final Clock clock;
    private volatile java.util.function.Function<String, Optional<KioskView.ConfigSync>> configSync = id -> Optional.empty();
    private volatile KioskAccounts accounts = KioskAccounts.NONE;
    private volatile boolean shared;

    private record Known(String zone, String fingerprint, Optional<Location> location) {
    }

    private Fleet(StoreFile.Store store, KioskTable table, KioskSecrets secrets, MessageCodec codec, Clock clock) {
        this.storeId = store.id();
        this.storeName = store.name();
        this.storeLocation = Optional.ofNullable(store.location());
        this.table = table;
        this.secrets = secrets;
        this.codec = codec;
        this.clock = clock;
    }

    /** Reads the store file and provisions every declared kiosk's secret (see {@link KioskSecrets}). */
    public static Fleet open(Path storeFile, Path dataDir, Database db, MessageCodec codec, Clock clock)
            throws IOException, SQLException {
        return open(storeFile, dataDir, db, codec, clock, (storeId, kioskId) -> true);
    }

    /**
     * Reads the store file, admits every declared kiosk that {@code admitted} (store id, kiosk id) accepts (a retired
     * kiosk stays out even while still declared) and every kiosk enrolled earlier (rows of the kiosks table).
     */
    public static Fleet open(Path storeFile, Path dataDir, Database db, MessageCodec codec, Clock clock,
                             BiPredicate<String, String> admitted) throws IOException, SQLException {
        StoreFile.Store store = StoreFile.read(storeFile);
        KioskTable table = new KioskTable(db, codec);
        Fleet fleet = new Fleet(store, table, new KioskSecrets(dataDir), codec, clock);
        for (KioskTable.Credential c : table.credentials(store.id())) {
            fleet.kiosks.put(c.kioskId(), new Known(c.zone(), c.fingerprint(), fleet.storeLocation));
        }
        for (StoreFile.KioskDecl k : store.kiosks()) {
            if (admitted.test(store.id(), k.id())) {
                fleet.admitDeclared(k);
            }
        }
        return fleet;
    }

    /** Admits a declared kiosk with the secret the store file, the database or its secret file gives it. Blocking. */
    public void admitDeclared(StoreFile.KioskDecl k) throws IOException, SQLException {
        String fingerprint = secrets.fingerprint(k, table.fingerprint(storeId, k.id()));
        table.upsert(storeId, k.id(), k.zone(), fingerprint);
        kiosks.put(k.id(), new Known(k.zone(), fingerprint, Optional.ofNullable(k.location()).or(() -> storeLocation)));
        accounts.admitted(k.id(), secrets.secret(k.id(), fingerprint), false);
    }

    /** Admits (or re-keys) a kiosk with its new secret in clear (enrolment): as {@link #admit}, and tells the accounts. */
    public void admitSecret(String kioskId, String zone, String secret) throws SQLException {
        admit(kioskId, zone, com.instore.hub.secrets.SecretFile.sha256Hex(secret));
        accounts.admitted(kioskId, Optional.of(secret), true);
    }

    /**
     * From now on, tells {@code target} every admission and revocation; first replays every admitted kiosk (with its secret
     * when this hub has its secret file). Blocking only as long as {@code target} is.
     */
    public void accounts(KioskAccounts target) {
        this.accounts = target;
        kiosks.forEach((id, known) -> target.admitted(id, secrets.secret(id, known.fingerprint()), false));
    }

    /** Admits (or re-keys) a kiosk with the fingerprint of its new secret: it may connect from now on. Blocking. */
    public void admit(String kioskId, String zone, String fingerprint) throws SQLException {
        table.upsert(storeId, kioskId, zone, fingerprint);
        kiosks.put(kioskId, new Known(zone, fingerprint, storeLocation));
    }

    /**
     * Revokes a kiosk's credentials: its next CONNECT is refused, its row and generated secret file are deleted (a later
     * re-creation gets a new secret). Dropping a live connection is the broker's job. Blocking.
     */
    public void revoke(String kioskId) throws SQLException, IOException {
        kiosks.remove(kioskId);
        table.delete(storeId, kioskId);
        secrets.delete(kioskId);
        accounts.revoked(kioskId);
    }

    public String storeId() {
        return storeId;
    }

    public String storeName() {
        return storeName;
    }

    /**
     * Other hub instances of this store share the database (chain mode): a kiosk one of them admitted after this one
     * started is then looked up in the database on a miss ({@link #isKnown}), and fingerprints are always read from it
     * (another instance may have re-keyed the kiosk).
     */
    public void sharedWithOtherInstances() {
        this.shared = true;
    }

    /**
     * Whether {@code kiosk} is one of this store's admitted kiosks. Non-blocking, except after
     * {@link #sharedWithOtherInstances} on a miss (one database query).
     */
    public boolean isKnown(KioskAddress kiosk) {
        if (!storeId.equals(kiosk.storeId())) {
            return false;
        }
        return kiosks.containsKey(kiosk.kioskId()) || (shared && lookUp(kiosk.kioskId()).isPresent());
    }

    /** Reads an admitted kiosk from the database and remembers it. Blocking. */
    private Optional<Known> lookUp(String kioskId) {
        try {
            for (KioskTable.Credential c : table.credentials(storeId)) {
                if (c.kioskId().equals(kioskId)) {
                    Known known = new Known(c.zone(), c.fingerprint(), storeLocation);
                    kiosks.put(kioskId, known);
                    return Optional.of(known);
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The ids of every admitted kiosk. Non-blocking. */
    public Set<String> kioskIds() {
        return Set.copyOf(kiosks.keySet());
    }

    /** The zone of an admitted kiosk, its id when unknown. Non-blocking. */
    public String zone(String kioskId) {
        Known known = kiosks.get(kioskId);
        return known == null ? kioskId : known.zone();
    }

    /** Where a kiosk is (its own location or the store's), empty when the store file does not say. Non-blocking. */
    public Optional<Location> location(String kioskId) {
        return Optional.ofNullable(kiosks.get(kioskId)).flatMap(Known::location);
    }

    /** SHA-256 hex of an admitted kiosk's secret. Non-blocking, except after {@link #sharedWithOtherInstances}. */
    public Optional<String> fingerprint(String kioskId) {
        if (shared) {
            return lookUp(kioskId).map(Known::fingerprint);
        }
        return Optional.ofNullable(kiosks.get(kioskId)).map(Known::fingerprint);
    }

    /**
     * Records a status from {@code kiosk}'s status topic. A live message sets last-seen to now; a retained one replayed at
     * subscription time keeps the time the kiosk itself wrote. An OFFLINE status (the Will) keeps the last health report.
     *
     * @throws InvalidInbound when the kiosk is not admitted or the payload is not a status of this kiosk
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

    /** Every admitted kiosk with its presence and configuration drift, ordered by id. Blocking. */
    public List<KioskView> kiosks() throws SQLException {
        return table.list(storeId).stream().filter(v -> kiosks.containsKey(v.kioskId()))
                .map(v -> configSync.apply(v.kioskId()).map(v::withConfig).orElse(v)).toList();
    }

    /** Where {@link #kiosks()} finds each kiosk's configuration drift (provisioning; blocking allowed). */
    public void configSync(java.util.function.Function<String, Optional<KioskView.ConfigSync>> source) {
        this.configSync = source;
    }
}
