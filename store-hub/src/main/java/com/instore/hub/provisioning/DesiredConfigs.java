package com.instore.hub.provisioning;

import com.instore.hub.kiosks.KioskView;
import com.instore.hub.mqtt.Inbound;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.protocol.Channel;
import com.instore.protocol.ConfigReport;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.MessageCodec;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Desired configuration per kiosk, versioned and published retained on {@code config/desired}, and what the kiosk reported
 * on {@code config/reported}: together the drift staff see. Thread-safe (the database serialises); blocking.
 */
final class DesiredConfigs {
    private final KioskRecords records;
    private final MqttOut mqtt;
    private final MessageCodec codec;
    private final String storeId;
    private final Clock clock;

    DesiredConfigs(KioskRecords records, MqttOut mqtt, MessageCodec codec, String storeId, Clock clock) {
        this.records = records;
        this.mqtt = mqtt;
        this.codec = codec;
        this.storeId = storeId;
        this.clock = clock;
    }

    /** The desired configuration in force, empty before the first. */
    Optional<KioskConfig> desired(String kioskId) throws SQLException {
        return records.find(kioskId).flatMap(r -> Optional.ofNullable(r.desiredJson())).map(this::decodeConfig);
    }

    /**
     * Makes {@code settings} the kiosk's desired configuration: a new version when they differ from the current one, and
     * published retained either way (so a kiosk that lost it gets it again).
     *
     * @throws IllegalArgumentException when a value is invalid (nothing changes)
     */
    synchronized KioskConfig set(String kioskId, Settings settings) throws SQLException {
        Optional<KioskConfig> current = desired(kioskId);
        long version = current.map(KioskConfig::version).orElse(0L);
        KioskConfig next = settings.toConfig(kioskId, Math.max(version, 1), clock.instant());
        if (current.isEmpty() || !current.get().sameSettings(next)) {
            next = settings.toConfig(kioskId, version + 1, clock.instant());
            records.desired(kioskId, next.version(), new String(codec.encode(next), StandardCharsets.UTF_8));
        } else {
            next = current.get();
        }
        publish(next);
        return next;
    }

    /** Publishes the stored desired configuration again (at hub start: the broker may have lost it). */
    void republish(String kioskId) throws SQLException {
        desired(kioskId).ifPresent(this::publish);
    }

    /** Clears the retained desired configuration of a retired kiosk. */
    void clear(String kioskId) {
        mqtt.retained(new KioskAddress(storeId, kioskId).topic(Channel.CONFIG_DESIRED), new byte[0]);
    }

    /** Records a kiosk's report (a handler on the hub's MQTT executor). */
    void onReport(Inbound in) throws InvalidInbound, SQLException {
        if (in.payload().length == 0) {
            return; // a cleared retained report
        }
        ConfigReport report;
        try {
            report = codec.decode(in.payload(), ConfigReport.class);
        } catch (InvalidMessageException e) {
            throw InvalidInbound.of(e);
        }
        String kioskId = in.address().kiosk().kioskId();
        if (!report.kioskId().equals(kioskId)) {
            throw InvalidInbound.mismatch(report.kioskId(), kioskId);
        }
        records.reported(kioskId, new String(in.payload(), StandardCharsets.UTF_8));
    }

    /** Desired against reported, empty when the hub has no desired configuration for the kiosk. */
    Optional<KioskView.ConfigSync> sync(String kioskId) throws SQLException {
        Optional<KioskRecord> record = records.find(kioskId);
        if (record.isEmpty() || record.get().desiredVersion() == 0) {
            return Optional.empty();
        }
        long desired = record.get().desiredVersion();
        Optional<ConfigReport> report = reported(record.get());
        long applied = report.map(ConfigReport::appliedVersion).orElse(0L);
        String refusal = report.filter(r -> r.outcome() == ConfigReport.Outcome.REFUSED && r.refusedVersion() == desired)
                .map(ConfigReport::reason).orElse("");
        return Optional.of(new KioskView.ConfigSync(desired, applied, applied != desired, refusal));
    }

    Optional<ConfigReport> reported(KioskRecord record) {
        if (record.reportedJson() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.decode(record.reportedJson().getBytes(StandardCharsets.UTF_8), ConfigReport.class));
        } catch (InvalidMessageException e) {
            return Optional.empty();
        }
    }

    private void publish(KioskConfig config) {
        mqtt.retained(new KioskAddress(storeId, config.kioskId()).topic(Channel.CONFIG_DESIRED), codec.encode(config));
    }

    private KioskConfig decodeConfig(String json) {
        try {
            return codec.decode(json.getBytes(StandardCharsets.UTF_8), KioskConfig.class);
        } catch (InvalidMessageException e) {
            throw new IllegalStateException("stored desired configuration is unreadable: " + e.getMessage(), e);
        }
    }
}
