package com.instore.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to a {@link Command}, kiosk to hub on the command's response topic (QoS 1, correlation data echoed).
 * {@code detail} says what happened in words; {@code data} carries named values (diagnostics).
 */
public record CommandResult(int v, String id, Instant at, String kioskId, String commandId, Outcome outcome,
                            String detail, Map<String, String> data) implements Message {
    public CommandResult {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        Check.uuid(commandId, "commandId");
        Check.present(outcome, "outcome");
        detail = detail == null ? "" : detail;
        if (detail.length() > 2000) {
            throw new IllegalArgumentException("'detail' is longer than 2000 characters");
        }
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(data));
        if (data.size() > 100) {
            throw new IllegalArgumentException("'data' has more than 100 entries");
        }
    }

    /** OK: done; FAILED: tried and failed; TIMEOUT: not done in time; UNSUPPORTED: this kiosk cannot do it. */
    public enum Outcome {
        OK,
        FAILED,
        TIMEOUT,
        UNSUPPORTED
    }
}
