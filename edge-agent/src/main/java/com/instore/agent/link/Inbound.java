package com.instore.agent.link;

import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.ScreenUpdate;

import java.time.Duration;
import java.util.logging.Logger;

/** Decodes answers from the hub; an invalid one is counted, logged at most once a minute, and dropped. */
final class Inbound {
    private static final Logger LOG = Logger.getLogger(Inbound.class.getName());
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final MessageCodec codec;
    private final LinkMetrics metrics;
    private long lastLogged = System.nanoTime() - LOG_EVERY_NANOS;

    Inbound(MessageCodec codec, LinkMetrics metrics) {
        this.codec = codec;
        this.metrics = metrics;
    }

    /** The update, or null when the payload is not a valid {@link ScreenUpdate}. Not thread-safe. */
    ScreenUpdate decode(byte[] payload) {
        try {
            return codec.decode(payload, ScreenUpdate.class);
        } catch (InvalidMessageException e) {
            metrics.invalid(e.reason().tag());
            long now = System.nanoTime();
            if (now - lastLogged >= LOG_EVERY_NANOS) {
                lastLogged = now;
                LOG.warning("dropped an invalid screen update: " + e.getMessage());
            }
            return null;
        }
    }
}
