package com.instore.protocol;

import java.time.Instant;

/**
 * A kiosk's status, retained on {@link Channel#STATUS}. The MQTT Will carries the same record with {@link Presence#OFFLINE}
 * so that the broker announces a kiosk that vanished. Device health may be null in the Will.
 */
public record KioskStatus(int v, String id, Instant at, String kioskId, Presence presence, String version,
                          DeviceHealth reader, DeviceHealth printer, DeviceHealth screen) implements Message {
    public KioskStatus {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        Check.present(presence, "presence");
        version = version == null ? "" : version;
    }

    /** Whether the kiosk is connected. */
    public enum Presence {
        ONLINE,
        OFFLINE
    }
}
