package com.instore.agent.doctor;

import com.instore.devices.DeviceStatus;
import com.instore.devices.indicator.Indicator;

import java.time.Duration;

/** Plays each indicator signal in turn (green, amber, red, with their beeps) and reports the indicator's health. */
final class IndicatorCheck {
    /** About the longest pattern (ERROR: 2 s), so that each colour is seen before the next one cuts it short. */
    private static final Duration PER_SIGNAL = Duration.ofMillis(1800);

    private IndicatorCheck() {
    }

    static void run(Report report, Indicator indicator, String spec) throws InterruptedException {
        DeviceStatus status = indicator.status();
        if (status.state() == DeviceStatus.State.OFFLINE) {
            report.fail("indicator " + spec + ": OFFLINE (" + status.detail() + ")", "the light and buzzer ("
                    + spec + ") cannot be used: " + status.detail());
            return;
        }
        report.say("Blinking the indicator: green (member), amber (unknown card), red (error)...");
        for (Indicator.Signal signal : Indicator.Signal.values()) {
            indicator.signal(signal);
            Thread.sleep(PER_SIGNAL);
        }
        status = indicator.status();
        if (status.state() == DeviceStatus.State.OFFLINE) {
            report.fail("indicator " + spec + ": went OFFLINE while blinking (" + status.detail() + ")",
                    "the light and buzzer (" + spec + ") failed while blinking: " + status.detail());
        } else {
            report.ok("indicator " + spec + ": signalled RECOGNISED, UNKNOWN, ERROR (" + status.detail() + ")");
        }
    }
}
