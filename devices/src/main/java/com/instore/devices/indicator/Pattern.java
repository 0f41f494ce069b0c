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
        };
    }

    private static Step step(Duration hold, Output... on) {
        return new Step(Set.of(on), hold);
    }
}
