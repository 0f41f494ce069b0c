package com.instore.bench.mqtt;

/** Where a broker listens (plain TCP, MQTT 5). */
public record MqttEndpoint(String host, int port) {
    public MqttEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("MQTT host is missing");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("MQTT port out of range: " + port);
        }
    }

    public static MqttEndpoint loopback(int port) {
        return new MqttEndpoint("127.0.0.1", port);
    }

    public String uri() {
        return "tcp://" + host + ":" + port;
    }
}
