package com.instore.agent.enrol;

import com.instore.protocol.KioskConfig;

/**
 * What the hub gives a kiosk at enrolment ({@code POST /api/enrol}): its MQTT identity, the broker's addresses, the CA to
 * pin and the first configuration. Holds a secret: {@link #toString} leaves it out.
 */
record Identity(String storeId, String kioskId, String username, String clientId, String password, String mqttUri,
                String mqttTlsUri, String caPem, KioskConfig config) {
    @Override
    public String toString() {
        return "Identity[" + storeId + "/" + kioskId + "]";
    }
}
