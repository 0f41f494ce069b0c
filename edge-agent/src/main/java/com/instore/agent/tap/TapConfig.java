package com.instore.agent.tap;

import io.helidon.config.Config;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the tap pipeline.
 *
 * @param answerTimeout how long the "tap" screen waits for the hub before showing the offline welcome
 *                      ({@code agent.answer-timeout-ms}, default 800)
 * @param idleAfter     how long an answer (or the offline welcome) stays before the attract loop returns
 *                      ({@code agent.idle-after-ms}, default 12000)
 */
public record TapConfig(Duration answerTimeout, Duration idleAfter) {
    static final long DEFAULT_ANSWER_TIMEOUT_MS = 800;
    static final long DEFAULT_IDLE_AFTER_MS = 12_000;

    public TapConfig {
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(idleAfter, "idleAfter");
        if (answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("agent.answer-timeout-ms must be positive, got " + answerTimeout.toMillis());
        }
        if (idleAfter.isNegative() || idleAfter.isZero()) {
            throw new IllegalArgumentException("agent.idle-after-ms must be positive, got " + idleAfter.toMillis());
        }
    }

    /** Reads its keys from the {@code agent} node. */
    public static TapConfig from(Config agent) {
        return new TapConfig(Duration.ofMillis(agent.get("answer-timeout-ms").asLong().orElse(DEFAULT_ANSWER_TIMEOUT_MS)),
                Duration.ofMillis(agent.get("idle-after-ms").asLong().orElse(DEFAULT_IDLE_AFTER_MS)));
    }
}
