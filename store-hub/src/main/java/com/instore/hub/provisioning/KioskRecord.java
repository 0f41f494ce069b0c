package com.instore.hub.provisioning;

import java.time.Instant;

/**
 * A provisioned kiosk as the hub keeps it.
 *
 * @param desiredJson  the desired {@code KioskConfig} as published (null before the first)
 * @param reportedJson the kiosk's last {@code ConfigReport} (null before the first)
 */
record KioskRecord(String kioskId, String zone, String profile, Origin origin, State state, long desiredVersion,
                   String desiredJson, String reportedJson, Instant created) {

    /** Where the kiosk was declared. */
    enum Origin {
        DECLARED,
        OPERATOR
    }

    /** Its lifecycle. */
    enum State {
        PENDING,
        ACTIVE,
        RETIRED
    }
}
