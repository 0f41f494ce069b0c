package com.instore.devices.tap;

import java.time.Instant;
import java.util.Objects;

/**
 * One tap as a reader saw it. {@code readId} is a UUIDv7 made at the instant of the read: the agent uses it as the tap's
 * idempotency key, so that a tap keeps one identity from the reader to the hub.
 *
 * @param readId UUIDv7 of this read
 * @param kind   what was read
 * @param value  UID in upper-case hex, or the token / record text
 * @param reader the reader's name, for diagnostics
 * @param at     when it was read
 */
public record CardRead(String readId, Kind kind, String value, String reader, Instant at) {
    public CardRead {
        Objects.requireNonNull(readId, "readId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(at, "at");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a card read needs a value");
        }
    }

    /** What the reader got, mirroring the credential types of DESIGN.md section 5. */
    public enum Kind {
        CARD_UID,
        NDEF,
        PHONE,
        SUN
    }
}
