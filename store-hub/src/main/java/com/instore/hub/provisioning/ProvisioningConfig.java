package com.instore.hub.provisioning;

import io.helidon.config.Config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code hub.provisioning} node.
 *
 * @param codeTtl          how long an enrolment code stays valid ({@code code-ttl}, default PT24H)
 * @param enrolPerMinute   enrolment attempts allowed per client address per minute ({@code enrol-per-minute}, default 10)
 * @param commandTimeout   default wait for a command's result ({@code command-timeout}, default PT10S)
 * @param watchInterval    how often the store file is checked for changes ({@code watch-interval}, default PT2S)
 * @param defaults         every kiosk's settings unless its profile or declaration says otherwise ({@code defaults},
 *                         kebab-case keys as in store.yaml profiles)
 */
public record ProvisioningConfig(Duration codeTtl, int enrolPerMinute, Duration commandTimeout, Duration watchInterval,
                                 Settings defaults) {
    public ProvisioningConfig {
        if (codeTtl.isNegative() || codeTtl.isZero() || enrolPerMinute < 1 || commandTimeout.isNegative()
                || watchInterval.isNegative() || watchInterval.isZero()) {
            throw new IllegalArgumentException("hub.provisioning: durations must be positive, enrol-per-minute at least 1");
        }
    }

    public static ProvisioningConfig from(Config node) {
        Map<String, Object> defaults = new HashMap<>();
        for (String key : Settings.KEYS) {
            node.get("defaults." + key).asString().ifPresent(v -> defaults.put(key, v));
        }
        return new ProvisioningConfig(node.get("code-ttl").as(Duration.class).orElse(Duration.ofHours(24)),
                node.get("enrol-per-minute").asInt().orElse(10),
                node.get("command-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)),
                node.get("watch-interval").as(Duration.class).orElse(Duration.ofSeconds(2)),
                Settings.DEFAULTS.with(defaults));
    }
}
