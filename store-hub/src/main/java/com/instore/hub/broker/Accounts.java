package com.instore.hub.broker;

import java.util.Optional;
import java.util.function.Function;

/**
 * Who may connect to the broker (CONVENTIONS "MQTT identities"). Only SHA-256 fingerprints of passwords are held here.
 *
 * @param storeId                the store this broker serves
 * @param kioskFingerprint       SHA-256 hex of a declared kiosk's secret by kiosk id, empty for an unknown kiosk; called on
 *                               every kiosk CONNECT from HiveMQ's threads, so it must be thread-safe and non-blocking
 * @param hubPasswordSha256      the hub service's per-start password
 * @param monitorPasswordSha256  the read-only monitor's password
 */
public record Accounts(String storeId, Function<String, Optional<String>> kioskFingerprint, String hubPasswordSha256,
                       String monitorPasswordSha256) {
    /** The hub service's user name. */
    public static final String HUB_USER = "hub";
    /** The read-only monitor's user name. */
    public static final String MONITOR_USER = "monitor";

    /** The client id a kiosk must use. */
    public static String kioskClientId(String storeId, String kioskId) {
        return "kiosk-" + storeId + "-" + kioskId;
    }

    /** The client id of the hub service. */
    public static String hubClientId(String storeId) {
        return "hub-" + storeId;
    }

    /** The user name of a kiosk. */
    public static String kioskUser(String storeId, String kioskId) {
        return storeId + "/" + kioskId;
    }
}
