package com.instore.agent.ops;

import com.instore.protocol.MessageCodec;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: {@code {"status":"UP","mqtt":{"connected":true}}}. UP means the kiosk's HTTP server runs (the page
 * can show the offline welcome without the hub); the MQTT link is reported beside it, not folded into the status.
 */
public final class HealthService implements HttpService {
    private final String kiosk;
    private final BooleanSupplier mqttConnected;
    private final MessageCodec codec;

    public HealthService(String kiosk, BooleanSupplier mqttConnected, MessageCodec codec) {
        this.kiosk = kiosk;
        this.mqttConnected = mqttConnected;
        this.codec = codec;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::health);
    }

    private void health(ServerRequest req, ServerResponse res) {
        res.header(HeaderValues.CONTENT_TYPE_JSON).header(HeaderValues.CACHE_NO_CACHE);
        res.send(codec.encode(new Health("UP", kiosk, new Mqtt(mqttConnected.getAsBoolean()))));
    }

    record Health(String status, String kiosk, Mqtt mqtt) {
    }

    record Mqtt(boolean connected) {
    }
}
