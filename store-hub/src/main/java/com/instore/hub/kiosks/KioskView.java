package com.instore.hub.kiosks;

import com.instore.protocol.DeviceHealth;

import java.time.Instant;

/**
 * One kiosk as staff see it: declared in the store file or enrolled, presence from its retained status. {@code lastSeen},
 * {@code version} and the device health are null until the kiosk has reported; {@code config} (desired against reported
 * configuration, i.e. drift) is null when provisioning has nothing on the kiosk.
 */
public record KioskView(String storeId, String kioskId, String zone, boolean online, Instant lastSeen, String version,
                        DeviceHealth reader, DeviceHealth printer, DeviceHealth screen, ConfigSync config) {

    /** Without configuration state. */
    public KioskView(String storeId, String kioskId, String zone, boolean online, Instant lastSeen, String version,
                     DeviceHealth reader, DeviceHealth printer, DeviceHealth screen) {
        this(storeId, kioskId, zone, online, lastSeen, version, reader, printer, screen, null);
    }

    /** The same view with configuration state. */
    public KioskView withConfig(ConfigSync sync) {
        return new KioskView(storeId, kioskId, zone, online, lastSeen, version, reader, printer, screen, sync);
    }

    /**
     * Desired against reported configuration.
     *
     * @param desiredVersion  the version the hub wants in force
     * @param appliedVersion  the version the kiosk last reported in force (0: none yet)
     * @param drift           whether they differ
     * @param refusal         why the kiosk refused the desired version, empty when it did not
     */
    public record ConfigSync(long desiredVersion, long appliedVersion, boolean drift, String refusal) {
    }
}
