package com.instore.hub.provisioning;

import java.util.function.Consumer;

/**
 * How kiosks reach the broker, told to them at enrolment, and how to drop a client's live connection.
 *
 * @param mqttUri     plain MQTT URI for kiosks, null when the plain listener is off
 * @param mqttTlsUri  MQTT over TLS URI, null without TLS
 * @param caPem       the CA kiosks pin, null without TLS
 * @param disconnect  drops the live connection of a client id at once (the broker's client service)
 */
public record BrokerEndpoints(String mqttUri, String mqttTlsUri, String caPem, Consumer<String> disconnect) {
}
