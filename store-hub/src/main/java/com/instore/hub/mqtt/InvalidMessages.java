package com.instore.hub.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts dropped inbound messages in {@code hub_messages_invalid_total{kiosk,reason}} and logs at most one line per kiosk
 * per minute, so a kiosk stuck sending garbage cannot flood the log. Thread-safe, non-blocking.
 */
public final class InvalidMessages {
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(InvalidMessages.class.getName());

    private final MeterRegistry registry;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> lastLogged = new ConcurrentHashMap<>();

    public InvalidMessages(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Counts one dropped message from {@code kioskId} and logs it unless this kiosk was logged within the minute. */
    public void record(String kioskId, String topic, InvalidInbound why) {
        Counter.builder("hub.messages.invalid")
                .description("Inbound MQTT messages dropped as invalid")
                .tag("kiosk", kioskId)
                .tag("reason", why.reason())
                .register(registry)
                .increment();
        if (shouldLog(kioskId)) {
            LOG.log(System.Logger.Level.WARNING, "dropped an invalid message on {0}: {1} (further ones from this kiosk"
                    + " are counted, not logged, for a minute)", topic, why.getMessage());
        }
    }

    boolean shouldLog(String kioskId) {
        Instant now = clock.instant();
        Instant[] logged = {null};
        lastLogged.compute(kioskId, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(LOG_INTERVAL))) {
                logged[0] = now;
                return now;
            }
            return last;
        });
        return logged[0] != null;
    }
}
