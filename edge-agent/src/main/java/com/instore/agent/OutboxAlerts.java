package com.instore.agent;

import com.instore.agent.link.StatusSource;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskStatus;

import java.util.function.Supplier;

/**
 * Adds the outbox's alert to the kiosk's status. {@link KioskStatus} has no outbox field (the protocol is fixed), so the
 * alert rides on the screen's health: the screen is where the shopper meets a refused tap. A healthy outbox leaves the
 * status as it is; a full or unwritable one makes the screen DEGRADED with the outbox's detail appended, e.g.
 * "serving http://...; outbox full: 50000 taps waiting ...". Thread-safe.
 */
final class OutboxAlerts implements StatusSource {
    private final StatusSource statuses;
    private final Supplier<DeviceHealth> outbox;

    OutboxAlerts(StatusSource statuses, Supplier<DeviceHealth> outbox) {
        this.statuses = statuses;
        this.outbox = outbox;
    }

    @Override
    public KioskStatus online() {
        KioskStatus status = statuses.online();
        DeviceHealth alert = outbox.get();
        if (alert.state() == DeviceHealth.State.OK) {
            return status;
        }
        String screen = status.screen() == null || status.screen().detail().isEmpty() ? ""
                : status.screen().detail() + "; ";
        return new KioskStatus(status.v(), status.id(), status.at(), status.kioskId(), status.presence(),
                status.version(), status.reader(), status.printer(),
                new DeviceHealth(DeviceHealth.State.DEGRADED, screen + alert.detail()));
    }

    @Override
    public KioskStatus offline() {
        return statuses.offline();
    }
}
