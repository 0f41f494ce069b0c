package com.instore.devices.indicator;

import com.instore.devices.DeviceStatus;
import com.instore.devices.gpio.OutputPin;
import com.instore.devices.gpio.Pi4jBoard;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds an indicator from configuration:
 * <ul>
 * <li>{@code simulated} (or {@code log}): signals become log lines;</li>
 * <li>{@code gpio?green=17&amber=27&red=22&buzzer=18}: LEDs and buzzer on GPIO pins by BCM number, through Pi4J. Any pin
 * may be left out; without {@code amber}, amber is red and green together.</li>
 * </ul>
 * A GPIO indicator whose pins cannot be opened is returned all the same, OFFLINE with the reason, its signals ignored.
 */
public final class Indicators {
    private Indicators() {
    }

    /** @throws IllegalArgumentException for an unknown spec or a pin that is not a number */
    public static Indicator create(String spec) {
        return create(spec, signal -> { });
    }

    /** @param sink receives every signal of a simulated indicator (a demo page may show them) */
    public static Indicator create(String spec, Consumer<Indicator.Signal> sink) {
        String text = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (text.equals("simulated") || text.equals("log")) {
            return new LogIndicator(sink);
        }
        if (text.startsWith("gpio?")) {
            return gpio(pins(text.substring(5)));
        }
        throw new IllegalArgumentException("indicator '" + spec + "' not understood: supported are simulated,"
                + " gpio?green=17&amber=27&red=22&buzzer=18");
    }

    private static Map<Pattern.Output, Integer> pins(String query) {
        Map<Pattern.Output, Integer> pins = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                pins.put(Pattern.Output.valueOf(kv[0].toUpperCase(Locale.ROOT)), Integer.parseInt(kv[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("indicator pin '" + pair + "' is not one of green, amber, red,"
                        + " buzzer = BCM number", e);
            }
        }
        return pins;
    }

    private static Indicator gpio(Map<Pattern.Output, Integer> bcm) {
        String description = "gpio " + bcm.toString().replaceAll("[{}]", "").toLowerCase(Locale.ROOT);
        Map<Pattern.Output, OutputPin> pins = new EnumMap<>(Pattern.Output.class);
        try {
            bcm.forEach((output, number) -> pins.put(output,
                    Pi4jBoard.output(number, "indicator-" + output.name().toLowerCase(Locale.ROOT))));
        } catch (RuntimeException e) {
            pins.values().forEach(OutputPin::close);
            return new FailedIndicator(DeviceStatus.offline(e.getMessage()));
        }
        return new GpioIndicator(pins, Thread::sleep, description);
    }

    /** An indicator whose hardware could not be opened: it says why and ignores signals. */
    private record FailedIndicator(DeviceStatus status) implements Indicator {
        @Override
        public void signal(Signal signal) {
            System.getLogger(Indicators.class.getName()).log(System.Logger.Level.DEBUG,
                    "indicator offline, " + signal + " not shown: " + status.detail());
        }

        @Override
        public void close() {
        }
    }
}
