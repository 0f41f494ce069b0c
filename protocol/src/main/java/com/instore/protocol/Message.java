package com.instore.protocol;

import java.time.Instant;

/** The envelope every message carries (DESIGN.md section 4). */
public interface Message {
    /** Schema version, {@link SchemaVersion#CURRENT}. */
    int v();

    /** A unique id; for taps a UUIDv7 that is the idempotency key. */
    String id();

    /** When the sender created the message. */
    Instant at();

    /** The kiosk the message is from or for. */
    String kioskId();
}
