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
    private final Supplier<String> screenUrl;
    private final Clock clock;

    KioskStatuses(String kioskId, String version, Supplier<DeviceStatus> reader, Supplier<String> screenUrl, Clock clock) {
        this.kioskId = kioskId;
        this.version = version;
        this.reader = reader;
        this.screenUrl = screenUrl;
        this.clock = clock;
    }

    @Override
    public KioskStatus online() {
        return new KioskStatus(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), kioskId,
                KioskStatus.Presence.ONLINE, version, health(reader.get()),
                new DeviceHealth(DeviceHealth.State.ABSENT, "no printer fitted yet"),
                DeviceHealth.ok("serving " + screenUrl.get()));
    }

    @Override
    public KioskStatus offline() {
        return new KioskStatus(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), kioskId,
                KioskStatus.Presence.OFFLINE, version, null, null, null);
    }

    static DeviceHealth health(DeviceStatus status) {
        DeviceHealth.State state = switch (status.state()) {
            case ONLINE -> DeviceHealth.State.OK;
            case DEGRADED -> DeviceHealth.State.DEGRADED;
            case OFFLINE -> DeviceHealth.State.OFFLINE;
        };
        return new DeviceHealth(state, status.detail());
    }
}
