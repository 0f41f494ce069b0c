package com.instore.hub.provisioning;

import com.instore.hub.broker.Accounts;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.KioskConfig;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kiosk's life: created by an operator (with a one-time code), enrolled by the kiosk with that code (it gets its own new
 * secret; only the fingerprint is kept), retired (credentials revoked, live connection dropped, reconnects refused).
 * Thread-safe; blocking.
 */
final class Lifecycle {
    private final Fleet fleet;
    private final KioskRecords records;
    private final EnrolmentCodes codes;
    private final DesiredConfigs configs;
    private final Profiles profiles;
    private final BrokerEndpoints broker;
    private final Clock clock;
    /** Codes in clear while valid, so the operator can fetch the QR image; lost at restart (issue a new code then). */
    private final Map<String, EnrolmentCodes.Issued> shownCodes = new ConcurrentHashMap<>();

    Lifecycle(Fleet fleet, KioskRecords records, EnrolmentCodes codes, DesiredConfigs configs, Profiles profiles,
              BrokerEndpoints broker, Clock clock) {
        this.fleet = fleet;
        this.records = records;
        this.codes = codes;
        this.configs = configs;
        this.profiles = profiles;
        this.broker = broker;
        this.clock = clock;
    }

    /** Thrown for a request that conflicts with the kiosk's state; the message is for the operator. */
    static final class Conflict extends Exception {
        Conflict(String message) {
            super(message);
        }
    }

    /** Creates a kiosk waiting for enrolment, its desired configuration (version 1) and a code. */
    synchronized EnrolmentCodes.Issued create(String kioskId, String zone, String profile) throws Conflict, SQLException {
        KioskAddress.requireSlug(kioskId, "kioskId");
        Settings settings = profiles.settings(profile, Map.of());
        Optional<KioskRecord> existing = records.find(kioskId);
        if (existing.isPresent() && existing.get().state() != KioskRecord.State.RETIRED) {
            throw new Conflict("kiosk '" + kioskId + "' exists already (" + existing.get().state() + ")");
        }
        records.upsert(kioskId, zone, profile, KioskRecord.Origin.OPERATOR, KioskRecord.State.PENDING, clock.instant());
        configs.set(kioskId, settings);
        return newCode(kioskId);
    }

    /** A new one-time code for an existing, not retired kiosk (e.g. after a factory reset); voids its unused codes. */
    synchronized EnrolmentCodes.Issued newCode(String kioskId) throws Conflict, SQLException {
        KioskRecord record = records.find(kioskId).orElseThrow(() -> new Conflict("no kiosk '" + kioskId + "'"));
        if (record.state() == KioskRecord.State.RETIRED) {
            throw new Conflict("kiosk '" + kioskId + "' is retired");
        }
        EnrolmentCodes.Issued issued = codes.issue(kioskId);
        shownCodes.put(kioskId, issued);
        return issued;
    }

    Optional<EnrolmentCodes.Issued> shownCode(String kioskId) {
        return Optional.ofNullable(shownCodes.get(kioskId)).filter(i -> i.expires().isAfter(clock.instant()));
    }

    /**
     * Redeems a code: the kiosk gets a new secret (any earlier one is revoked and its connection dropped).
     *
     * @throws Conflict with the refusal for the kiosk (unknown, used, expired, retired)
     */
    synchronized Enrolment enrol(String code) throws Conflict, SQLException {
        EnrolmentCodes.Redemption redemption = codes.redeem(code);
        if (redemption.refusal() != null) {
            throw new Conflict(redemption.refusal().message);
        }
        String kioskId = redemption.kioskId();
        KioskRecord record = records.find(kioskId).filter(r -> r.state() != KioskRecord.State.RETIRED)
                .orElseThrow(() -> new Conflict("kiosk '" + kioskId + "' is retired"));
        shownCodes.remove(kioskId);
        String secret = SecretFile.newSecret();
        fleet.admitSecret(kioskId, record.zone(), secret);
        broker.disconnect().accept(Accounts.kioskClientId(fleet.storeId(), kioskId));
        records.state(kioskId, KioskRecord.State.ACTIVE, clock.instant());
        KioskConfig config = configs.desired(kioskId)
                .orElseGet(() -> setUnchecked(kioskId, profiles.settings(record.profile(), Map.of())));
        return new Enrolment(fleet.storeId(), kioskId, Accounts.kioskUser(fleet.storeId(), kioskId),
                Accounts.kioskClientId(fleet.storeId(), kioskId), secret, broker.mqttUri(), broker.mqttTlsUri(),
                broker.caPem(), config);
    }

    /** Revokes the kiosk's credentials, drops its live connection and refuses it from now on. */
    synchronized void retire(String kioskId) throws Conflict, SQLException, IOException {
        KioskRecord record = records.find(kioskId).orElseThrow(() -> new Conflict("no kiosk '" + kioskId + "'"));
        revoke(kioskId);
        records.state(record.kioskId(), KioskRecord.State.RETIRED, clock.instant());
        shownCodes.remove(kioskId);
    }

    /** Removes a kiosk entirely (prune): revoked, dropped, forgotten. */
    synchronized void remove(String kioskId) throws SQLException, IOException {
        revoke(kioskId);
        records.delete(kioskId);
        shownCodes.remove(kioskId);
    }

    private void revoke(String kioskId) throws SQLException, IOException {
        fleet.revoke(kioskId);
        broker.disconnect().accept(Accounts.kioskClientId(fleet.storeId(), kioskId));
        configs.clear(kioskId);
    }

    private KioskConfig setUnchecked(String kioskId, Settings settings) {
        try {
            return configs.set(kioskId, settings);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
