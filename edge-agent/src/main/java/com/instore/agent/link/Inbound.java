package com.instore.agent.link;

import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.Message;
import com.instore.protocol.MessageCodec;

import java.time.Duration;
import java.util.logging.Logger;

/** Decodes messages from the hub; an invalid one is counted, logged at most once a minute, and dropped. */
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

    /** The message, or null when the payload is not a valid {@code type}. Not thread-safe. */
    <T extends Message> T decode(byte[] payload, Class<T> type) {
        try {
            return codec.decode(payload, type);
        } catch (InvalidMessageException e) {
            metrics.invalid(e.reason().tag());
            long now = System.nanoTime();
            if (now - lastLogged >= LOG_EVERY_NANOS) {
                lastLogged = now;
                LOG.warning("dropped an invalid " + type.getSimpleName() + ": " + e.getMessage());
            }
            return null;
        }
    }
}
