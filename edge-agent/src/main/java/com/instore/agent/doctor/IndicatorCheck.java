package com.instore.agent.doctor;

import com.instore.devices.DeviceStatus;
import com.instore.devices.indicator.Indicator;

import java.time.Duration;

/** Plays each indicator signal in turn (green, amber, red, with their beeps) and reports the indicator's health. */
final class IndicatorCheck {
    private IndicatorCheck() {
    }

    /** @param perSignal how long each colour shows before the next one cuts it short */
    static void run(Report report, Indicator indicator, String spec, Duration perSignal) throws InterruptedException {
        DeviceStatus status = indicator.status();
        if (status.state() == DeviceStatus.State.OFFLINE) {
            report.fail("indicator " + spec + ": OFFLINE (" + status.detail() + ")", "the light and buzzer ("
                    + spec + ") cannot be used: " + status.detail());
            return;
        }
        report.say("Blinking the indicator: green (member), amber (unknown card), red (error)...");
        for (Indicator.Signal signal : Indicator.Signal.values()) {
            indicator.signal(signal);
            Thread.sleep(perSignal);
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
