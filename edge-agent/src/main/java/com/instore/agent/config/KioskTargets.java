package com.instore.agent.config;

import com.instore.protocol.KioskConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies a configuration to this agent: the hub answer timeout and the screen settings live; a different reader (type,
 * debounce window) or printer address needs that device restarted, which {@code restart} does (the agent's runtime is
 * rebuilt around the new device settings, taken from the last good configuration); without a restart hook the change
 * waits for the next start. Thread-safe.
 *
 * @see DesiredConfig
 */
public final class KioskTargets implements ConfigTargets {
    private final Consumer<Duration> answerTimeout;
    private final Consumer<ScreenSettings> screen;
    private final Running running;
    private final Optional<Consumer<List<String>>> restart;

    /**
     * The device settings the agent runs with now.
     *
     * @param debounceMs the reader's debounce window, -1 when it has none configured (the simulated reader)
     */
    public record Running(String readerType, long debounceMs, String printerAddress) {
    }

    /** @param screen takes the screen settings in force (the page applies them live) */
    public KioskTargets(Consumer<Duration> answerTimeout, Consumer<ScreenSettings> screen, Running running,
                        Optional<Consumer<List<String>>> restart) {
        this.answerTimeout = answerTimeout;
        this.screen = screen;
        this.running = running;
        this.restart = restart;
    }

    @Override
    public List<String> apply(Optional<KioskConfig> previous, KioskConfig next) {
        answerTimeout.accept(Duration.ofMillis(next.answerTimeoutMs()));
        screen.accept(ScreenSettings.of(next));
        List<String> parts = new ArrayList<>();
        if (!next.readerType().equals(running.readerType())
                || running.debounceMs() >= 0 && next.debounceMs() != running.debounceMs()) {
            parts.add("reader");
        }
        if (!next.printerAddress().equals(running.printerAddress())) {
            parts.add("printer");
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        if (restart.isPresent()) {
            restart.get().accept(List.copyOf(parts));
            return parts;
        }
        return parts.stream().map(p -> p + " (at next start)").toList();
    }
}
