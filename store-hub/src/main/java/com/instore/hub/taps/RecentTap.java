package com.instore.hub.taps;

import java.time.Instant;

/**
 * One answered tap as staff see it: pseudonymous, never a name or a member id.
 *
 * @param latencyMicros tap-to-offer in microseconds (receipt to publish), null while unknown
 */
public record RecentTap(Instant receivedAt, String kioskId, boolean recognised, String tier, int offerCount,
                        Long latencyMicros) {
}
