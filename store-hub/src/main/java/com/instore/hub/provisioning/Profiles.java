package com.instore.hub.provisioning;

import java.util.Map;

/**
 * Hardware profiles from store.yaml: named partial settings over the hub's defaults. Replaced whole when the store file
 * changes. Thread-safe.
 */
final class Profiles {
    static final String DEFAULT = "default";

    private final Settings defaults;
    private volatile Map<String, Map<String, Object>> profiles = Map.of();

    Profiles(Settings defaults) {
        this.defaults = defaults;
    }

    void replace(Map<String, Map<String, Object>> fromStoreFile) {
        profiles = Map.copyOf(fromStoreFile);
    }

    /**
     * The defaults, then the profile's settings, then {@code overrides}.
     *
     * @throws IllegalArgumentException for an unknown profile or setting
     */
    Settings settings(String profile, Map<String, Object> overrides) {
        Map<String, Object> own = profiles.get(profile);
        if (own == null && !DEFAULT.equals(profile)) {
            throw new IllegalArgumentException("unknown hardware profile '" + profile + "' (store.yaml profiles: "
                    + profiles.keySet() + ")");
        }
        return defaults.with(own == null ? Map.of() : own).with(overrides);
    }
}
