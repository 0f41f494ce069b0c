package com.instore.bench.mqtt;

import com.instore.protocol.KioskAddress;
import com.instore.protocol.Topics;

/**
 * One MQTT identity as CONVENTIONS.md defines it: username, password, the only client id it may use, and the topic filter
 * it may publish and subscribe under.
 */
public record Account(String username, String password, String clientId, String allowedFilter) {
    public Account {
        if (username == null || username.isBlank() || username.contains(":")) {
            throw new IllegalArgumentException("MQTT username must be non-blank without ':', got '" + username + "'");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("MQTT password missing for " + username);
        }
    }

    /** A kiosk: username {@code store/kiosk}, client id {@code kiosk-store-kiosk}, only its own subtree. */
    public static Account kiosk(KioskAddress kiosk, String secret) {
        return new Account(kiosk.storeId() + "/" + kiosk.kioskId(), secret,
                "kiosk-" + kiosk.storeId() + "-" + kiosk.kioskId(), kiosk.subtree());
    }

    /** The hub service (or the floor's echo service standing in for it): anything under {@code stores/#}. */
    public static Account hub(String storeId, String password) {
        return new Account("hub", password, "hub-" + storeId, Topics.everything());
    }

    @Override
    public String toString() {
        return "Account[" + username + ", client " + clientId + "]";
    }
}
