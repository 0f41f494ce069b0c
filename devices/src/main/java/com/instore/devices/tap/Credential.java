package com.instore.devices.tap;

import java.util.Objects;

/**
 * What a driver got from a card before it becomes a {@link CardRead} (which adds the read id, reader and time).
 *
 * @param kind  the credential type
 * @param value UID in upper-case hex, NDEF record text or token, or the phone's token
 */
public record Credential(CardRead.Kind kind, String value) {
    public Credential {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a credential needs a value");
        }
    }
}
