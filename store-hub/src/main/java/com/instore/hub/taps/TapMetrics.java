package com.instore.hub.taps;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** The tap pipeline's meters: tap-to-offer latency and how taps were answered. Thread-safe. */
final class TapMetrics {
    private final Timer latency;
    private final Counter recognised;
    private final Counter anonymous;
    private final Counter duplicates;
    private final Counter failed;

    TapMetrics(MeterRegistry registry) {
        latency = Timer.builder("hub.tap.latency")
                .description("Tap to offer: from the tap's receipt to the answer's publish")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        recognised = taps(registry, "recognised");
        anonymous = taps(registry, "anonymous");
        duplicates = Counter.builder("hub.taps.duplicate")
                .description("Redelivered taps answered again from the stored answer, changing nothing")
                .register(registry);
        failed = Counter.builder("hub.taps.failed")
                .description("Taps left unacknowledged (transaction failed, answer not published, commit not synced): "
                        + "the broker or the hub tries them again")
                .register(registry);
    }

    private static Counter taps(MeterRegistry registry, String result) {
        return Counter.builder("hub.taps").description("First-seen taps by outcome").tag("result", result)
                .register(registry);
    }

    void answered(boolean member, long nanos) {
        (member ? recognised : anonymous).increment();
        latency.record(Duration.ofNanos(nanos));
    }

    void failed() {
        failed.increment();
    }

    void duplicate(long nanos) {
        duplicates.increment();
        latency.record(Duration.ofNanos(nanos));
    }
}
