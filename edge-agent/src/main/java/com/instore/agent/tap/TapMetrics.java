package com.instore.agent.tap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** The pipeline's meters: taps, answers shown, answers ignored, timeouts, and tap-to-answer-on-screen latency. */
final class TapMetrics {
    private final MeterRegistry registry;
    private final Counter taps;
    private final Counter ignored;
    private final Counter timeouts;
    private final Counter unreadable;
    private final Counter refused;
    private final Timer latency;

    TapMetrics(MeterRegistry registry) {
        this.registry = registry;
        taps = Counter.builder("kiosk.taps").description("Taps read at this kiosk").register(registry);
        ignored = Counter.builder("kiosk.answers.ignored")
                .description("Answers not shown: late (after the timeout) or for another tap").register(registry);
        timeouts = Counter.builder("kiosk.answer.timeouts")
                .description("Taps whose answer did not arrive in time (offline welcome shown)").register(registry);
        unreadable = Counter.builder("kiosk.taps.unreadable")
                .description("Reads that could not become a tap event").register(registry);
        refused = Counter.builder("kiosk.taps.refused.outbox")
                .description("Taps the outbox could not keep (full or unwritable): the shopper saw the refusal")
                .register(registry);
        latency = Timer.builder("kiosk.tap.to.screen").description("From the tap to the hub's answer on screen")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void tap() {
        taps.increment();
    }

    void answered(String kind, Duration sinceTap) {
        registry.counter("kiosk.answers", "kind", kind).increment();
        latency.record(sinceTap);
    }

    void ignored() {
        ignored.increment();
    }

    void timedOut() {
        timeouts.increment();
    }

    void unreadable() {
        unreadable.increment();
    }

    void refused() {
        refused.increment();
    }
}
