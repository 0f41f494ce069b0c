package com.instore.hub.provisioning;

import com.instore.hub.db.Database;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.mqtt.HubClient;
import com.instore.protocol.MessageCodec;
import io.helidon.webserver.http.HttpService;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * Kiosk provisioning (issue 7), wired in one place: lifecycle and enrolment codes, desired/reported configuration, the
 * declarative store file, remote commands, and the operator REST routes. {@link StoreHub} builds it after the hub's MQTT
 * client is connected, routes {@code config/reported} and {@code command/result} to {@link #reports()} and
 * {@link #results()}, and calls {@link #start}.
 */
public final class Provisioning {
    private final ProvisioningConfig config;
    private final KioskRecords records;
    private final DesiredConfigs configs;
    private final Commands commands;
    private final Lifecycle lifecycle;
    private final Reconciler reconciler;
    private final ProvisioningService service;

    public Provisioning(ProvisioningConfig config, Path storeFile, Database db, Fleet fleet, HubClient client,
                        BrokerEndpoints broker, String enrolHubUrl, MessageCodec codec, Clock clock) {
        this.config = config;
        MqttOut mqtt = new MqttOut() {
            @Override
            public boolean retained(String topic, byte[] payload) {
                return client.publishRetained(topic, payload);
            }

            @Override
            public boolean request(String topic, byte[] payload, String responseTopic, byte[] correlation, long expiry) {
                return client.request(topic, payload, responseTopic, correlation, expiry);
            }
        };
        records = new KioskRecords(db, fleet.storeId());
        configs = new DesiredConfigs(records, mqtt, codec, fleet.storeId(), clock);
        commands = new Commands(mqtt, codec, fleet.storeId(), clock);
        Profiles profiles = new Profiles(config.defaults());
        lifecycle = new Lifecycle(fleet, records, new EnrolmentCodes(db, fleet.storeId(), config.codeTtl(), clock), configs,
                profiles, broker, clock);
        reconciler = new Reconciler(storeFile, fleet, records, configs, profiles, lifecycle, clock);
        service = new ProvisioningService(lifecycle, configs, commands, reconciler, records,
                new EnrolLimiter(config.enrolPerMinute(), clock), new Replies(codec), config.commandTimeout(),
                enrolHubUrl, broker.caPem());
        fleet.configSync(kioskId -> {
            try {
                return configs.sync(kioskId);
            } catch (SQLException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** Which declared kiosks the fleet may admit at start: not the retired ones. Blocking. */
    public static BiPredicate<String, String> notRetired(Database db) {
        return (storeId, kioskId) -> {
            try {
                return !new KioskRecords(db, storeId).isRetired(kioskId);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the provisioning table", e);
            }
        };
    }

    /**
     * Reconciles the store file, publishes every kiosk's desired configuration again (retained) and watches the store
     * file on {@code timers}.
     */
    public void start(ScheduledExecutorService timers) throws IOException, SQLException {
        reconciler.reconcile();
        for (KioskRecord r : records.all()) {
            if (r.state() != KioskRecord.State.RETIRED) {
                configs.republish(r.kioskId());
            }
        }
        long every = config.watchInterval().toMillis();
        timers.scheduleWithFixedDelay(reconciler::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    /** Handler for {@code config/reported}. */
    public com.instore.hub.mqtt.HubClient.Handler reports() {
        return configs::onReport;
    }

    /** Handler for {@code command/result}. */
    public com.instore.hub.mqtt.HubClient.Handler results() {
        return commands::onResult;
    }

    public HttpService routes() {
        return service;
    }
}
