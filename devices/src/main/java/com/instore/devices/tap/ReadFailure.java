package com.instore.devices.tap;

import java.time.Instant;
import java.util.Objects;

/**
 * A presentation that gave no credential, with a reason a store employee can read, e.g. "card answered SELECT with status
 * word 6F00" or "UID answer truncated: 1 byte".
 *
 * @param reader the reader's name
 * @param reason why nothing could be read
 * @param at     when it happened
 */
public record ReadFailure(String reader, String reason, Instant at) {
    public ReadFailure {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
