package com.instore.hub.identity;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Identity settings, the {@code hub.identity} node.
 *
 * @param maxTravelKmh     a weak credential seen in two places faster apart than this is flagged as probably cloned
 *                         ({@code max-travel-kmh}, default 150: a car on a motorway, never a shopper)
 * @param minDistanceKm    places closer than this never count as "two places" ({@code min-distance-km}, default 1.0: GPS
 *                         noise and a large store)
 * @param sunMetaKeyFile   NTAG 424 DNA SDMMetaReadKey (32 hex digits) for encrypted PICC data ({@code sun.meta-key-file});
 *                         without it only plain UID/counter mirroring is accepted
 * @param sunFileKeyFile   NTAG 424 DNA SDMFileReadKey (32 hex digits) for the CMAC ({@code sun.file-key-file});
 *                         without it SUN taps are rejected
 */
public record IdentityConfig(double maxTravelKmh, double minDistanceKm, Optional<Path> sunMetaKeyFile,
                             Optional<Path> sunFileKeyFile) {
    public IdentityConfig {
        if (maxTravelKmh <= 0 || minDistanceKm < 0) {
            throw new IllegalArgumentException("hub.identity.max-travel-kmh must be > 0 and min-distance-km >= 0");
        }
        sunMetaKeyFile = sunMetaKeyFile == null ? Optional.empty() : sunMetaKeyFile;
        sunFileKeyFile = sunFileKeyFile == null ? Optional.empty() : sunFileKeyFile;
    }

    public static IdentityConfig defaults() {
        return new IdentityConfig(150, 1.0, Optional.empty(), Optional.empty());
    }

    public static IdentityConfig from(Config identity) {
        return new IdentityConfig(identity.get("max-travel-kmh").asDouble().orElse(150.0),
                identity.get("min-distance-km").asDouble().orElse(1.0),
                identity.get("sun.meta-key-file").asString().asOptional().map(Path::of),
                identity.get("sun.file-key-file").asString().asOptional().map(Path::of));
    }
}
