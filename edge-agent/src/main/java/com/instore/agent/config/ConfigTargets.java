package com.instore.agent.config;

import com.instore.protocol.KioskConfig;

import java.util.List;
import java.util.Optional;

/** Where a kiosk's configuration takes effect. Implemented by the agent's wiring. */
public interface ConfigTargets {
    /**
     * Applies {@code next} (the running one is {@code previous}, empty at first): live what can be, restarting only the
     * parts that need it.
     *
     * @return the names of the parts restarted (empty when everything was applied live)
     * @throws IllegalStateException with the reason when a part cannot take it (the caller goes back to the last good)
     */
    List<String> apply(Optional<KioskConfig> previous, KioskConfig next);
}
