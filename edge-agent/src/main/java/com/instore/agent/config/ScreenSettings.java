package com.instore.agent.config;

import com.instore.protocol.KioskConfig;

/**
 * The screen's part of the configuration, applied live: the page reads it from {@code GET /kiosk/config}.
 *
 * @param version the configuration version it comes from (0: the agent's own defaults)
 */
public record ScreenSettings(long version, String theme, String language, int offersPerScreen) {
    public static final ScreenSettings DEFAULTS = new ScreenSettings(0, "default", "en", 3);

    static ScreenSettings of(KioskConfig config) {
        return new ScreenSettings(config.version(), config.theme(), config.language(), config.offersPerScreen());
    }
}
