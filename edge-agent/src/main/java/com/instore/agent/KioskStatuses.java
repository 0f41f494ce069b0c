package com.instore.agent;

import com.instore.agent.link.StatusSource;
import com.instore.devices.DeviceStatus;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.SchemaVersion;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** The kiosk's status records, from the devices' current health. Thread-safe. */
final class KioskStatuses implements StatusSource {
    private final String kioskId;
    private final String version;
    private final Supplier<DeviceStatus> reader;
    private final Supplier<DeviceHealth> printer;
    private final Supplier<String> screenUrl;
    private final Clock clock;

    KioskStatuses(String kioskId, String version, Supplier<DeviceStatus> reader, Supplier<DeviceHealth> printer,
                  Supplier<String> screenUrl, Clock clock) {
        this.kioskId = kioskId;
        this.version = version;
        this.reader = reader;
        this.printer = printer;
        this.screenUrl = screenUrl;
        this.clock = clock;
    }

    @Override
    public KioskStatus online() {
        return new KioskStatus(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), kioskId,
                KioskStatus.Presence.ONLINE, version, health(reader.get()), printer.get(),
                DeviceHealth.ok("serving " + screenUrl.get()));
    }

    @Override
    public KioskStatus offline() {
        return new KioskStatus(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), kioskId,
                KioskStatus.Presence.OFFLINE, version, null, null, null);
    }

    /** A driver's status as the wire's health: ONLINE is OK, DEGRADED and OFFLINE keep their names and detail. */
    static DeviceHealth health(DeviceStatus status) {
        DeviceHealth.State state = switch (status.state()) {
            case ONLINE -> DeviceHealth.State.OK;
            case DEGRADED -> DeviceHealth.State.DEGRADED;
            case OFFLINE -> DeviceHealth.State.OFFLINE;
        };
        return new DeviceHealth(state, status.detail());
    }
}
