package com.instore.agent.ops;

import com.instore.protocol.DeviceHealth;
import com.instore.protocol.MessageCodec;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: {@code {"status":"UP","mqtt":{"connected":true},"outbox":{"state":"OK","detail":"3 taps waiting"},
 * "stalled":[]}}. UP (200) means the kiosk serves its page and its working threads beat (the page can show the offline
 * welcome without the hub); DOWN (503) names the stalled threads, and the systemd watchdog restarts the agent. The MQTT
 * link and the outbox are reported beside the status, not folded into it: restarting fixes neither an absent hub nor
 * a full disk.
 */
public final class HealthService implements HttpService {
    private final String kiosk;
    private final BooleanSupplier mqttConnected;
    private final Supplier<DeviceHealth> outbox;
    private final Liveness liveness;
    private final MessageCodec codec;

    public HealthService(String kiosk, BooleanSupplier mqttConnected, Supplier<DeviceHealth> outbox, Liveness liveness,
                         MessageCodec codec) {
        this.kiosk = kiosk;
        this.mqttConnected = mqttConnected;
        this.outbox = outbox;
        this.liveness = liveness;
        this.codec = codec;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::health);
    }

    private void health(ServerRequest req, ServerResponse res) {
        List<String> stalled = liveness.stalled();
        res.header(HeaderValues.CONTENT_TYPE_JSON).header(HeaderValues.CACHE_NO_CACHE);
        res.status(stalled.isEmpty() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        res.send(codec.encode(new Health(stalled.isEmpty() ? "UP" : "DOWN", kiosk,
                new Mqtt(mqttConnected.getAsBoolean()), outbox.get(), stalled)));
    }

    record Health(String status, String kiosk, Mqtt mqtt, DeviceHealth outbox, List<String> stalled) {
    }

    record Mqtt(boolean connected) {
    }
}
