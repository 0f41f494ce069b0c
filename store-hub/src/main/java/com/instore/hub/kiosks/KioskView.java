package com.instore.hub.kiosks;

import com.instore.protocol.DeviceHealth;

import java.time.Instant;

/**
 * One kiosk as staff see it: declared in the store file, presence from its retained status. {@code lastSeen}, {@code version}
 * and the device health are null until the kiosk has reported.
 */
public record KioskView(String storeId, String kioskId, String zone, boolean online, Instant lastSeen, String version,
                        DeviceHealth reader, DeviceHealth printer, DeviceHealth screen) {
}
