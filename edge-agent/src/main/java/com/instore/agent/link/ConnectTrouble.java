package com.instore.agent.link;

import org.eclipse.paho.mqttv5.common.MqttException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What the link says when it cannot reach the hub, so that a technician reading the kiosk's log (or its {@code /health})
 * learns why without turning on debug logging: the first failure of a streak is worth a warning, the next ones one
 * warning a minute at most (with how many attempts failed since, and the latest cause), however often the link retries
 * and whatever the causes; the link coming back after failures is worth a line too. The cause is in Paho's words, with
 * MQTT 5's reason code ("Bad User Name or Password. (134)"), plus what to check for the causes a technician can fix at
 * the kiosk. Not thread-safe: the link's thread (except {@link #problem}).
 */
final class ConnectTrouble {
    private static final Duration REPEAT = Duration.ofMinutes(1);
    private static final int BAD_USER_NAME_OR_PASSWORD = 134;
    private static final int NOT_AUTHORIZED = 135;

    private final LongSupplier nanoTime;
    private int failures;
    private long since;
    private long lastWarning;
    private volatile String problem;

    ConnectTrouble(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * An attempt failed, or a connection dropped.
     *
     * @return the warning to log, when this one deserves one; empty within a minute of the last warning
     */
    Optional<String> failed(Throwable error) {
        long now = nanoTime.getAsLong();
        String words = describe(error);
        problem = words;
        if (failures++ == 0) {
            since = now;
            lastWarning = now;
            return Optional.of("MQTT link down: " + words);
        }
        if (now - lastWarning < REPEAT.toNanos()) {
            return Optional.empty();
        }
        lastWarning = now;
        return Optional.of("MQTT link still down, " + failures + " failures in " + seconds(now - since) + " s: "
                + words);
    }

    /** Connected: what to add to the link-up line when it had failed before ("after 3 failures in 12 s"). */
    Optional<String> connected() {
        int failed = failures;
        long took = nanoTime.getAsLong() - since;
        failures = 0;
        problem = null;
        return failed == 0 ? Optional.empty()
                : Optional.of("after " + failed + (failed == 1 ? " failure" : " failures") + " in " + seconds(took)
                        + " s");
    }

    /** Why the link is not connected, as last seen; empty while connected or before the first failure. Any thread. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private String describe(Throwable error) {
        if (error instanceof MqttException mqtt) {
            String words = mqtt.getMessage() + " (" + mqtt.getReasonCode() + ")"
                    + (mqtt.getCause() == null ? "" : ": " + mqtt.getCause());
            return switch (mqtt.getReasonCode()) {
                case BAD_USER_NAME_OR_PASSWORD -> words + "; the broker refused this kiosk's credentials: check "
                        + "agent.mqtt.password-file, or enrol the kiosk again";
                case NOT_AUTHORIZED -> words + "; the broker does not let this kiosk in: was it retired on the hub?";
                default -> words;
            };
        }
        return String.valueOf(error);
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
    }
}
