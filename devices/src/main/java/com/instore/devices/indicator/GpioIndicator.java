package com.instore.devices.indicator;

import com.instore.devices.DeviceStatus;
import com.instore.devices.gpio.OutputPin;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * LEDs and a buzzer on GPIO pins (through our {@link OutputPin}, Pi4J in production). Patterns play on one daemon thread;
 * a new signal interrupts the pattern playing. Without an amber pin, amber is red and green together (a bicolour LED).
 */
final class GpioIndicator implements Indicator {
    /** Waits between steps; tests replace it so that patterns play without waiting. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Map<Pattern.Output, OutputPin> pins;
    private final Map<OutputPin, Boolean> levels = new java.util.HashMap<>();
    private final Sleeper sleeper;
    private final String description;
    private final ExecutorService player = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("indicator").unstarted(r));
    private Future<?> playing;
    private volatile DeviceStatus status;

    GpioIndicator(Map<Pattern.Output, OutputPin> pins, Sleeper sleeper, String description) {
        this.pins = new EnumMap<>(pins);
        this.sleeper = sleeper;
        this.description = description;
        this.status = DeviceStatus.online(description);
    }

    @Override
    public synchronized void signal(Signal signal) {
        if (playing != null) {
            playing.cancel(true);
        }
        playing = player.submit(() -> play(Pattern.of(signal)));
    }

    private void play(Pattern pattern) {
        try {
            for (Pattern.Step step : pattern.steps()) {
                apply(step);
                sleeper.sleep(step.hold());
            }
            apply(new Pattern.Step(java.util.Set.of(), Duration.ZERO));
        } catch (InterruptedException e) {
            // the next pattern takes over the pins
        } catch (RuntimeException e) {
            status = DeviceStatus.offline("indicator GPIO failed: " + e.getMessage());
        }
    }

    private void apply(Pattern.Step step) {
        boolean amberPin = pins.containsKey(Pattern.Output.AMBER);
        boolean amber = step.on().contains(Pattern.Output.AMBER) && !amberPin;
        set(Pattern.Output.GREEN, step.on().contains(Pattern.Output.GREEN) || amber);
        set(Pattern.Output.RED, step.on().contains(Pattern.Output.RED) || amber);
        if (amberPin) {
            set(Pattern.Output.AMBER, step.on().contains(Pattern.Output.AMBER));
        }
        set(Pattern.Output.BUZZER, step.on().contains(Pattern.Output.BUZZER));
    }

    private void set(Pattern.Output output, boolean on) {
        OutputPin pin = pins.get(output);
        if (pin != null && levels.getOrDefault(pin, false) != on) {
            pin.set(on);
            levels.put(pin, on);
        }
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public synchronized void close() {
        player.shutdownNow();
        pins.values().forEach(OutputPin::close);
        status = DeviceStatus.offline("closed");
    }

    @Override
    public String toString() {
        return description;
    }
}
