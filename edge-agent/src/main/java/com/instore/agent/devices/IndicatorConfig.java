package com.instore.agent.devices;

import io.helidon.config.Config;

import java.util.Locale;

/**
 * The kiosk's light and buzzer ({@code agent.indicator}): {@code simulated} (signals become log lines) or
 * {@code gpio?green=17&amber=27&red=22&buzzer=18} (BCM pin numbers, through Pi4J), also written as
 * {@code indicator: { type: gpio, green: 17, red: 22 }}.
 *
 * @param spec the spec string {@link com.instore.devices.indicator.Indicators} takes
 */
public record IndicatorConfig(String spec) {
    public static final String SIMULATED = "simulated";

    public IndicatorConfig {
        String text = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (!(text.equals(SIMULATED) || text.equals("log") || text.startsWith("gpio?"))) {
            throw new IllegalArgumentException("unsupported agent.indicator '" + spec + "': supported are simulated,"
                    + " gpio?green=17&amber=27&red=22&buzzer=18 (BCM pin numbers)");
        }
    }

    /** Reads the {@code agent.indicator} node; defaults to {@code simulated}. */
    public static IndicatorConfig from(Config indicator) {
        return new IndicatorConfig(NodeSpec.of(indicator).orElse(SIMULATED));
    }
}
