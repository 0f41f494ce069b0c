package com.instore.agent.screen;

import io.helidon.config.Config;

/** Where the kiosk page is served: {@code agent.screen.host} and {@code agent.screen.port} (0 picks a free port). */
public record ScreenConfig(String host, int port) {
    public ScreenConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("agent.screen.host is blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("agent.screen.port must be 0-65535, got " + port);
        }
    }

    /** Reads the {@code agent.screen} node. */
    public static ScreenConfig from(Config screen) {
        return new ScreenConfig(screen.get("host").asString().orElse("127.0.0.1"), screen.get("port").asInt().orElse(8081));
    }
}
