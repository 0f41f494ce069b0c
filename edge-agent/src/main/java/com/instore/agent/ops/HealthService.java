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
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: {@code {"status":"UP","ready":true,"mqtt":{"connected":true,"problem":null},
 * "reader":{"state":"OK",...},"outbox":{"state":"OK","detail":"3 taps waiting"},"stalled":[]}}. {@code ready} is what a
 * kiosk launcher and the footprint benchmark wait for: the page is served (this answer), the MQTT link is connected and
 * the reader is open. UP (200) means the kiosk serves its page and its working threads beat (the page can show the
 * offline welcome without the hub); DOWN (503) names the stalled threads, and the systemd watchdog restarts the agent.
 * The MQTT link and the outbox are reported beside the status, not folded into it: restarting fixes neither an absent hub
 * nor a full disk. While the link is down, {@code mqtt.problem} says why, as last seen (e.g. the broker refused the
 * kiosk's password).
 */
public final class HealthService implements HttpService {
    private final String kiosk;
    private final BooleanSupplier mqttConnected;
    private final Supplier<Optional<String>> mqttProblem;
    private final Supplier<DeviceHealth> reader;
    private final Supplier<DeviceHealth> outbox;
    private final Liveness liveness;
    private final MessageCodec codec;

    public HealthService(String kiosk, BooleanSupplier mqttConnected, Supplier<Optional<String>> mqttProblem,
                         Supplier<DeviceHealth> reader, Supplier<DeviceHealth> outbox, Liveness liveness,
                         MessageCodec codec) {
        this.kiosk = kiosk;
        this.mqttConnected = mqttConnected;
        this.mqttProblem = mqttProblem;
        this.reader = reader;
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
        boolean connected = mqttConnected.getAsBoolean();
        DeviceHealth readerHealth = reader.get();
        boolean ready = stalled.isEmpty() && connected && readerHealth.state() != DeviceHealth.State.OFFLINE;
        res.send(codec.encode(new Health(stalled.isEmpty() ? "UP" : "DOWN", ready, kiosk, new Mqtt(connected,
                connected ? null : mqttProblem.get().orElse(null)),
                readerHealth, outbox.get(), stalled)));
    }

    record Health(String status, boolean ready, String kiosk, Mqtt mqtt, DeviceHealth reader, DeviceHealth outbox,
                  List<String> stalled) {
    }

    /** {@code problem}: why the link is down, as last seen; null while connected or before the first attempt fails. */
    record Mqtt(boolean connected, String problem) {
    }
}
