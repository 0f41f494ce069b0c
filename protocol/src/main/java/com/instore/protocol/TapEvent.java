package com.instore.protocol;

import java.time.Instant;

/**
 * A shopper's tap, kiosk to hub on {@link Channel#TAP}. {@code id} is a UUIDv7 and the idempotency key: the hub answers a
 * redelivered tap with the same {@link ScreenUpdate} and changes nothing twice. {@code seq} is the kiosk outbox position.
 */
public record TapEvent(int v, String id, Instant at, String kioskId, String reader, Credential credential, long seq)
        implements Message {
    public TapEvent {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        Check.text(reader, "reader", 128);
        Check.present(credential, "credential");
        if (seq < 0) {
            throw new IllegalArgumentException("'seq' is negative: " + seq);
        }
    }
}
