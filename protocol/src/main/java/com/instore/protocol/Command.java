package com.instore.protocol;

import java.time.Instant;

/**
 * A remote command, hub to kiosk on {@link Channel#COMMAND} (QoS 1). MQTT 5 request/response: the hub sets the response
 * topic (the kiosk's own {@link Channel#COMMAND_RESULT}) and correlation data ({@code id}, UTF-8); the kiosk answers with
 * a {@link CommandResult} there, with the same correlation data, within {@code timeoutMs}.
 */
public record Command(int v, String id, Instant at, String kioskId, Type type, long timeoutMs) implements Message {
    public Command {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        Check.present(type, "type");
        if (timeoutMs < 100 || timeoutMs > 120_000) {
            throw new IllegalArgumentException("'timeoutMs' must be 100..120000, got " + timeoutMs);
        }
    }

    /** What the kiosk is asked to do. */
    public enum Type {
        /** Blink and beep, so that staff find the kiosk. */
        IDENTIFY,
        PRINT_TEST_PAGE,
        /** Apply the desired configuration again. */
        RELOAD_CONFIG,
        RESTART_SCREEN,
        /** Report versions, devices, link and outbox state. */
        DIAGNOSTICS
    }
}
