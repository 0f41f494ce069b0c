package com.instore.protocol;

import java.time.Instant;
import java.util.List;

/**
 * What the kiosk did with its desired configuration, kiosk to hub on {@link Channel#CONFIG_REPORTED} (QoS 1, retained).
 * {@code appliedVersion} is the version now in force (0: none yet); for {@link Outcome#REFUSED}, {@code refusedVersion} is
 * the version it refused (0 when unreadable) and {@code reason} says why. {@code restarted} names the parts restarted to
 * apply it (the rest was applied live).
 */
public record ConfigReport(int v, String id, Instant at, String kioskId, Outcome outcome, long appliedVersion,
                           long refusedVersion, String reason, List<String> restarted) implements Message {
    public ConfigReport {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        Check.present(outcome, "outcome");
        if (appliedVersion < 0 || refusedVersion < 0) {
            throw new IllegalArgumentException("versions must not be negative");
        }
        reason = reason == null ? "" : reason;
        if (outcome == Outcome.REFUSED) {
            Check.text(reason, "reason", 1000);
        }
        restarted = restarted == null ? List.of() : List.copyOf(restarted);
    }

    /** Applied: the desired version is in force. Refused: the last good one stays. */
    public enum Outcome {
        APPLIED,
        REFUSED
    }
}
