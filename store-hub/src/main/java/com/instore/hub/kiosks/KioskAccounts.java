package com.instore.hub.kiosks;

import java.util.Optional;

/**
 * Where kiosk credentials must also live when the broker is not our own (an external Mosquitto keeps its own accounts).
 * {@link Fleet} tells it every admission and revocation; implementations must not block for long (they send commands
 * to the broker and return).
 */
public interface KioskAccounts {
    /** Nothing to keep in step: the embedded broker asks {@link Fleet} on every CONNECT. */
    KioskAccounts NONE = new KioskAccounts() {
        @Override
        public void admitted(String kioskId, Optional<String> secret, boolean rekeyed) {
        }

        @Override
        public void revoked(String kioskId) {
        }
    };

    /**
     * A kiosk may connect. {@code secret} is its password in clear when this hub knows it (generated here, or just
     * enrolled), empty when only its fingerprint is known. {@code rekeyed}: its secret has just changed, so an existing
     * account must take the new one (and its live connection be dropped).
     */
    void admitted(String kioskId, Optional<String> secret, boolean rekeyed);

    /** A kiosk's credentials are revoked: its account goes and its live connection is dropped. */
    void revoked(String kioskId);
}
