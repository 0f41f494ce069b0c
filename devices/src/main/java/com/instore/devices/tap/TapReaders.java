package com.instore.devices.tap;

import com.instore.devices.tap.mfrc522.Mfrc522TapReader;
import com.instore.devices.tap.pcsc.PcscTapReader;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds a tap reader from configuration. Supported types and their options:
 * <ul>
 * <li>{@code simulated}: a {@link SimulatedTapReader}, returned as is (not debounced: each demo click is a tap).</li>
 * <li>{@code pcsc}: any PC/SC reader. Options: {@code reader} (part of the reader name), {@code aid} (hex, default
 * {@value PcscTapReader#DEFAULT_AID}), {@code poll-ms} (50), {@code recovery-ms} (1000).</li>
 * <li>{@code acr122}: ACS ACR122U over PC/SC through nfctools, with LED and buzzer. Options as pcsc, plus
 * {@code feedback} (true).</li>
 * <li>{@code mfrc522}: MFRC522 on the Raspberry Pi's SPI through Pi4J. Options: {@code spi-bus} (0),
 * {@code spi-channel} (0), {@code baud} (1000000), {@code reset-pin} (BCM number, 25; -1 for none), {@code poll-ms} (50),
 * {@code recovery-ms} (1000).</li>
 * </ul>
 * Every type but simulated is wrapped in a {@link DebouncingTapReader}; option {@code debounce-ms} (default 1500) sets
 * its window. Nothing is opened before {@link TapReader#start}.
 */
public final class TapReaders {
    public static final List<String> TYPES = List.of("simulated", "pcsc", "acr122", "mfrc522");

    private TapReaders() {
    }

    /** @throws IllegalArgumentException for an unknown type (the message lists the supported ones) or a bad option */
    public static TapReader create(ReaderSpec spec) {
        return create(spec, Clock.systemUTC());
    }

    public static TapReader create(ReaderSpec spec, Clock clock) {
        TapReader reader = switch (spec.type()) {
            case "simulated" -> new SimulatedTapReader(clock);
            case "pcsc" -> PcscTapReader.generic(spec);
            case "acr122" -> PcscTapReader.acr122(spec);
            case "mfrc522" -> Mfrc522TapReader.onPi4j(spec);
            default -> throw new IllegalArgumentException("unknown reader type '" + spec.type() + "': supported are "
                    + String.join(", ", TYPES));
        };
        if (reader instanceof SimulatedTapReader) {
            return reader;
        }
        Duration window = spec.millisOption("debounce-ms", DebouncingTapReader.DEFAULT_WINDOW);
        return new DebouncingTapReader(reader, clock, window);
    }
}
