package com.instore.protocol;

/** Health of one kiosk device (reader, printer, screen) with a human-readable detail. */
public record DeviceHealth(State state, String detail) {
    public DeviceHealth {
        Check.present(state, "health.state");
        detail = detail == null ? "" : detail;
    }

    public static DeviceHealth ok(String detail) {
        return new DeviceHealth(State.OK, detail);
    }

    /** OK: working; DEGRADED: working with a warning (paper near end); OFFLINE: not usable; ABSENT: not fitted. */
    public enum State {
        OK,
        DEGRADED,
        OFFLINE,
        ABSENT
    }
}
