package com.instore.devices;

import java.util.Objects;

/**
 * Health of a device as its driver sees it. Drivers never throw from callbacks: a failure becomes an OFFLINE status with a
 * detail a store employee can act on ("reader unplugged", "pcscd is not running", "no permission on /dev/spidev0.0").
 */
public record DeviceStatus(State state, String detail) {
    public DeviceStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }

    public static DeviceStatus online(String detail) {
        return new DeviceStatus(State.ONLINE, detail);
    }

    public static DeviceStatus degraded(String detail) {
        return new DeviceStatus(State.DEGRADED, detail);
    }

    public static DeviceStatus offline(String detail) {
        return new DeviceStatus(State.OFFLINE, detail);
    }

    /** ONLINE: working; DEGRADED: working with a warning; OFFLINE: not usable. */
    public enum State {
        ONLINE,
        DEGRADED,
        OFFLINE
    }
}
