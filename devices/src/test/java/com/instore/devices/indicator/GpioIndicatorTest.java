package com.instore.devices.indicator;

import com.instore.devices.DeviceStatus;
import com.instore.devices.gpio.OutputPin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GpioIndicatorTest {
    /** Every pin change and every wait, in order: the pattern as the hardware would live it. */
    private final List<String> timeline = new CopyOnWriteArrayList<>();

    private OutputPin pin(String name) {
        return new OutputPin() {
            @Override
            public void set(boolean high) {
                timeline.add(name + (high ? " on" : " off"));
            }

            @Override
            public void close() {
                timeline.add(name + " closed");
            }
        };
    }

    private final GpioIndicator.Sleeper recordingSleeper = d -> timeline.add("wait " + d.toMillis());
    private GpioIndicator indicator;

    private GpioIndicator withPins(Pattern.Output... outputs) {
        Map<Pattern.Output, OutputPin> pins = new EnumMap<>(Pattern.Output.class);
        for (Pattern.Output output : outputs) {
            pins.put(output, pin(output.name().toLowerCase()));
        }
        indicator = new GpioIndicator(pins, recordingSleeper, "test");
        return indicator;
    }

    @AfterEach
    void close() {
        if (indicator != null) {
            indicator.close();
        }
    }

    @Test
    void recognised_isGreenWithOneShortBeep() {
        withPins(Pattern.Output.values()).signal(Indicator.Signal.RECOGNISED);
        await().until(() -> timeline.contains("green off"));
        assertThat(timeline).containsExactly("green on", "buzzer on", "wait 80", "buzzer off", "wait 1420", "green off");
    }

    @Test
    void unknown_isAmberWithTwoShortBeeps() {
        withPins(Pattern.Output.values()).signal(Indicator.Signal.UNKNOWN);
        await().until(() -> timeline.contains("amber off"));
        assertThat(timeline).containsExactly("amber on", "buzzer on", "wait 80", "buzzer off", "wait 80",
                "buzzer on", "wait 80", "buzzer off", "wait 1260", "amber off");
    }

    @Test
    void error_isRedWithOneLongBeep() {
        withPins(Pattern.Output.values()).signal(Indicator.Signal.ERROR);
        await().until(() -> timeline.contains("red off"));
        assertThat(timeline).containsExactly("red on", "buzzer on", "wait 400", "buzzer off", "wait 1600", "red off");
    }

    @Test
    void identify_flashesEveryLightWithThreeBeeps_thenChasesRedAmberGreen() {
        withPins(Pattern.Output.values()).signal(Indicator.Signal.IDENTIFY);
        await().until(() -> timeline.stream().filter("green on"::equals).count() == 4
                && "green off".equals(timeline.getLast()));
        assertThat(timeline.subList(0, 4)).containsExactlyInAnyOrder("green on", "amber on", "red on", "buzzer on");
        assertThat(timeline.stream().filter("buzzer on"::equals)).hasSize(3);
        assertThat(timeline.stream().filter("wait 250"::equals)).hasSize(9);
        assertThat(timeline.subList(timeline.size() - 9, timeline.size())).containsExactly(
                "red on", "wait 250", "red off", "amber on", "wait 250", "green on", "amber off", "wait 250",
                "green off");
    }

    @Test
    void identify_isUnlikeEveryTapPattern() {
        for (Indicator.Signal tap : List.of(Indicator.Signal.RECOGNISED, Indicator.Signal.UNKNOWN,
                Indicator.Signal.ERROR)) {
            assertThat(Pattern.of(Indicator.Signal.IDENTIFY)).isNotEqualTo(Pattern.of(tap));
            assertThat(Pattern.of(tap).steps()).noneMatch(step -> step.on().size() >= 3);
        }
        assertThat(Pattern.of(Indicator.Signal.IDENTIFY).steps().getFirst().on()).containsExactlyInAnyOrder(
                Pattern.Output.GREEN, Pattern.Output.AMBER, Pattern.Output.RED, Pattern.Output.BUZZER);
    }

    @Test
    void withoutAmberPin_amberIsRedAndGreenTogether() {
        withPins(Pattern.Output.GREEN, Pattern.Output.RED).signal(Indicator.Signal.UNKNOWN);
        await().until(() -> timeline.contains("red off"));
        assertThat(timeline).startsWith("green on", "red on").contains("green off");
    }

    @Test
    void failingPin_isAnOfflineStatus_notAnException() {
        Map<Pattern.Output, OutputPin> pins = new EnumMap<>(Pattern.Output.class);
        pins.put(Pattern.Output.GREEN, new OutputPin() {
            @Override
            public void set(boolean high) {
                throw new IllegalStateException("GPIO 17 (indicator-green): device busy");
            }

            @Override
            public void close() {
            }
        });
        indicator = new GpioIndicator(pins, recordingSleeper, "test");
        indicator.signal(Indicator.Signal.RECOGNISED);
        await().until(() -> indicator.status().state() == DeviceStatus.State.OFFLINE);
        assertThat(indicator.status().detail()).isEqualTo("indicator GPIO failed: GPIO 17 (indicator-green): device busy");
    }

    @Test
    void newSignal_cutsThePlayingPatternShort() {
        GpioIndicator real = new GpioIndicator(Map.of(Pattern.Output.GREEN, pin("green"), Pattern.Output.RED, pin("red")),
                Thread::sleep, "test");
        indicator = real;
        real.signal(Indicator.Signal.RECOGNISED);
        await().until(() -> timeline.contains("green on"));
        real.signal(Indicator.Signal.ERROR);
        await().atMost(Duration.ofSeconds(5)).until(() -> timeline.contains("red off"));
        assertThat(timeline).containsSubsequence("green on", "green off", "red on", "red off");
        assertThat(timeline.indexOf("green off")).isLessThan(timeline.indexOf("red off"));
    }

    @Test
    void close_releasesThePins() {
        withPins(Pattern.Output.GREEN).close();
        assertThat(timeline).containsExactly("green closed");
        assertThat(indicator.status().state()).isEqualTo(DeviceStatus.State.OFFLINE);
    }
}
