package com.instore.agent.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The link's meters: reconnects, failed attempts, delivered and refused taps, invalid answers, connection and backlog. */
final class LinkMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter reconnects;
    private final Counter connectFailures;
    private final Counter delivered;
    private final Counter refused;
    private final Counter publishRejected;
    private final Counter resent;

    LinkMetrics(MeterRegistry registry, BooleanSupplier connected, PendingTaps pending) {
        this.registry = registry;
        reconnects = add(Counter.builder("kiosk.mqtt.reconnects").description("Connections made again after a drop")
                .register(registry));
        connectFailures = add(Counter.builder("kiosk.mqtt.connection.failures")
                .description("Connection attempts that failed or connections that dropped").register(registry));
        delivered = add(Counter.builder("kiosk.taps.delivered").description("Taps acknowledged by the broker")
                .register(registry));
        refused = add(Counter.builder("kiosk.taps.refused").description("Taps the broker refused (kept)")
                .register(registry));
        publishRejected = add(Counter.builder("kiosk.mqtt.publish.rejected")
                .description("Publishes the MQTT client would not take (e.g. its own in-flight limit); sent again later")
                .register(registry));
        resent = add(Counter.builder("kiosk.taps.resent")
                .description("Taps sent again because the hub's answer was overdue after the broker's PUBACK")
                .register(registry));
        add(Gauge.builder("kiosk.mqtt.connected", () -> connected.getAsBoolean() ? 1 : 0)
                .description("1 when the MQTT link is up").register(registry));
        add(Gauge.builder("kiosk.taps.pending", pending::size).description("Taps not yet answered by the hub")
                .register(registry));
    }

    private <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    void connected(boolean again) {
        if (again) {
            reconnects.increment();
        }
    }

    void connectFailed() {
        connectFailures.increment();
    }

    void delivered() {
        delivered.increment();
    }

    void resent(int taps) {
        resent.increment(taps);
    }

    void refused() {
        refused.increment();
    }

    void publishRejected() {
        publishRejected.increment();
    }

    void invalid(String reason) {
        registry.counter("kiosk.messages.invalid", "reason", reason).increment();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
