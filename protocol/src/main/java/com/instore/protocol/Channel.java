package com.instore.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The per-kiosk MQTT channels of DESIGN.md section 4; {@link #path()} is the topic suffix after the kiosk id. */
public enum Channel {
    TAP("tap"),
    SCREEN("screen"),
    PRINT("print"),
    STATUS("status"),
    TELEMETRY("telemetry"),
    CONFIG_DESIRED("config/desired"),
    CONFIG_REPORTED("config/reported"),
    COMMAND("command"),
    COMMAND_RESULT("command/result"),
    ACTION("action");

    private final String path;

    Channel(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    static Optional<Channel> ofPath(String path) {
        return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
    }
}
