package com.instore.devices.indicator;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A light-and-sound pattern: steps that hold a set of outputs on for a while; everything is off after the last step. */
record Pattern(List<Step> steps) {
    enum Output { GREEN, AMBER, RED, BUZZER }

    record Step(Set<Output> on, Duration hold) {
    }

    private static final Duration BEEP = Duration.ofMillis(80);

    static Pattern of(Indicator.Signal signal) {
        return switch (signal) {
            case RECOGNISED -> new Pattern(List.of(
                    step(BEEP, Output.GREEN, Output.BUZZER),
                    step(Duration.ofMillis(1420), Output.GREEN)));
            case UNKNOWN -> new Pattern(List.of(
                    step(BEEP, Output.AMBER, Output.BUZZER),
                    step(BEEP, Output.AMBER),
                    step(BEEP, Output.AMBER, Output.BUZZER),
                    step(Duration.ofMillis(1260), Output.AMBER)));
            case ERROR -> new Pattern(List.of(
                    step(Duration.ofMillis(400), Output.RED, Output.BUZZER),
                    step(Duration.ofMillis(1600), Output.RED)));
            case IDENTIFY -> identify();
        };
    }

    /** Three flashes of every light with a beep each, then a red-amber-green chase: unlike any tap's pattern. */
    private static Pattern identify() {
        Duration flash = Duration.ofMillis(250);
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            steps.add(step(flash, Output.GREEN, Output.AMBER, Output.RED, Output.BUZZER));
            steps.add(step(flash));
        }
        for (Output light : List.of(Output.RED, Output.AMBER, Output.GREEN)) {
            steps.add(step(flash, light));
        }
        return new Pattern(List.copyOf(steps));
    }

    private static Step step(Duration hold, Output... on) {
        return new Step(Set.of(on), hold);
    }
}
