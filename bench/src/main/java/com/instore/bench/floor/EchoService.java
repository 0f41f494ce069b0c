package com.instore.bench.floor;

import com.instore.bench.mqtt.Account;
import com.instore.bench.mqtt.MqttEndpoint;
import com.instore.bench.mqtt.MqttLink;
import com.instore.bench.mqtt.MqttLinks;
import com.instore.protocol.Channel;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import com.instore.protocol.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor: a trivial stand-in for the hub that answers every {@link TapEvent} with a minimal valid {@link ScreenUpdate}
 * (an anonymous welcome) on the kiosk's screen topic, QoS 1, message expiry 5 s, correlation data = tap id, exactly as the
 * hub must. Whatever the hub costs beyond this is the hub's own work. Answers on the MQTT client's network threads.
 */
public final class EchoService implements AutoCloseable {
    static final long SCREEN_EXPIRY_SECONDS = 5;

    private final MessageCodec codec = new MessageCodec();
    private final LongAdder answered = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final MqttLink link;

    private EchoService(MqttLink link) {
        this.link = link;
    }

    /** Connects as {@code account} (the hub's identity) and subscribes to every kiosk's taps; blocks until subscribed. */
    public static EchoService start(MqttEndpoint endpoint, Account account) {
        EchoService echo = new EchoService(MqttLinks.connect(endpoint, account));
        echo.link.subscribe(Topics.everyKiosk(Channel.TAP), (topic, payload, correlation) -> echo.onTap(topic, payload));
        return echo;
    }

    private void onTap(String topic, byte[] payload) {
        var address = Topics.parse(topic);
        TapEvent tap;
        try {
            tap = codec.decode(payload, TapEvent.class);
        } catch (InvalidMessageException e) {
            invalid.increment();
            return;
        }
        if (address.isEmpty()) {
            invalid.increment();
            return;
        }
        KioskAddress kiosk = address.get().kiosk();
        link.publish(kiosk.topic(Channel.SCREEN), codec.encode(welcome(tap)),
                tap.id().getBytes(StandardCharsets.UTF_8), SCREEN_EXPIRY_SECONDS);
        answered.increment();
    }

    static ScreenUpdate welcome(TapEvent tap) {
        return new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), tap.kioskId(), tap.id(),
                ScreenUpdate.Kind.WELCOME, "Welcome!", null, List.of(), null);
    }

    /** Taps answered so far. */
    public long answered() {
        return answered.sum();
    }

    /** Payloads on a tap topic that were not a valid tap. */
    public long invalid() {
        return invalid.sum();
    }

    @Override
    public void close() {
        link.close();
    }
}
