package com.instore.agent.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** The outbox's meters: fsync'd write time per tap, taps refused (by reason), taps kept. */
final class OutboxMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Timer writes;

    OutboxMetrics(MeterRegistry registry, IntSupplier size) {
        this.registry = registry;
        writes = Timer.builder("kiosk.outbox.write").description("Committing (and fsyncing) one tap to the outbox")
                .publishPercentiles(0.5, 0.99).register(registry);
        meters.add(writes);
        meters.add(Gauge.builder("kiosk.outbox.taps", size::getAsInt).description("Taps kept in the outbox")
                .register(registry));
    }

    void written(long nanos) {
        writes.record(nanos, TimeUnit.NANOSECONDS);
    }

    void refused(String reason) {
        registry.counter("kiosk.outbox.refused", "reason", reason).increment();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
