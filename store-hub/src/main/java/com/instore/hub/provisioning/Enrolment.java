package com.instore.hub.provisioning;

import com.instore.protocol.KioskConfig;

/**
 * What a kiosk gets for a valid enrolment code (the body of {@code POST /api/enrol}'s answer): its MQTT identity, where
 * the broker is, the CA to pin, and its first configuration. Contains a secret: never logged.
 *
 * @param mqttUri     plain MQTT URI, null when the plain listener is off
 * @param mqttTlsUri  MQTT over TLS URI, null without TLS
 * @param caPem       the store CA certificate (PEM) that signed the hub's certificates
 */
record Enrolment(String storeId, String kioskId, String username, String clientId, String password, String mqttUri,
                 String mqttTlsUri, String caPem, KioskConfig config) {
    @Override
    public String toString() {
        return "Enrolment[" + storeId + "/" + kioskId + "]";
    }
}
