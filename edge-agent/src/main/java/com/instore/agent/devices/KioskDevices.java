package com.instore.agent.devices;

import com.instore.agent.printer.PrinterConfig;
import com.instore.agent.screen.Display;
import com.instore.devices.DeviceStatus;
import com.instore.devices.indicator.Indicator;
import com.instore.devices.indicator.Indicators;
import com.instore.devices.printer.Printer;
import com.instore.devices.printer.Printers;
import com.instore.devices.tap.SimulatedTapReader;
import com.instore.devices.tap.TapListener;
import com.instore.devices.tap.TapReader;
import com.instore.devices.tap.TapReaders;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The kiosk's hardware, built from configuration through the devices factories: tap reader, receipt printer (optional)
 * and indicator (light and buzzer). Nothing reads before {@code reader().start(...)}; a simulated printer is already
 * listening on its loopback port. Closing releases them all. Thread-safe after {@link #open}.
 */
public final class KioskDevices implements AutoCloseable {
    private final TapReader reader;
    private final Printer printer;
    private final Indicator indicator;
    private final AtomicBoolean reading = new AtomicBoolean(true);

    private final SignalLog signals;

    private KioskDevices(TapReader reader, Printer printer, Indicator indicator, SignalLog signals) {
        this.signals = signals;
        this.reader = reader;
        this.printer = printer;
        this.indicator = indicator;
    }

    /**
     * Builds every device; when one cannot be built, those already built are closed.
     *
     * @throws IllegalArgumentException when a spec is not understood (the message lists the supported forms)
     * @throws java.io.UncheckedIOException when the simulated printer cannot listen or make its directory
     */
    public static KioskDevices open(ReaderConfig reader, PrinterConfig printer, IndicatorConfig indicator) {
        TapReader tapReader = TapReaders.create(reader.spec());
        Printer receiptPrinter = null;
        try {
            receiptPrinter = printer.fitted() ? Printers.create(printer.spec()) : null;
            SignalLog signals = new SignalLog();
            return new KioskDevices(tapReader, receiptPrinter, Indicators.create(indicator.spec(), signals::add),
                    signals);
        } catch (RuntimeException e) {
            tapReader.close();
            if (receiptPrinter != null) {
                receiptPrinter.close();
            }
            throw e;
        }
    }

    public TapReader reader() {
        return reader;
    }

    /** The simulated reader, when that is the configured one (the demo's {@code /simulate/tap} drives it). */
    public Optional<SimulatedTapReader> simulatedReader() {
        return reader instanceof SimulatedTapReader simulated ? Optional.of(simulated) : Optional.empty();
    }

    /** The printer; empty when none is fitted ({@code printer: none}). */
    public Optional<Printer> printer() {
        return Optional.ofNullable(printer);
    }

    public Indicator indicator() {
        return indicator;
    }

    /** The last signals a simulated indicator showed, oldest first (empty for a GPIO one): for demo and test pages. */
    public java.util.List<Indicator.Signal> simulatedSignals() {
        return signals.recent();
    }

    /** The last few signals of a simulated indicator. Thread-safe. */
    private static final class SignalLog {
        private final java.util.Deque<Indicator.Signal> recent = new java.util.ArrayDeque<>();

        synchronized void add(Indicator.Signal signal) {
            if (recent.size() == 20) {
                recent.removeFirst();
            }
            recent.addLast(signal);
        }

        synchronized java.util.List<Indicator.Signal> recent() {
            return java.util.List.copyOf(recent);
        }
    }

    /** {@code screen}, with the indicator signalling members, unknown cards and refused taps as they are shown. */
    public Display feedback(Display screen) {
        return new IndicatorDisplay(screen, indicator);
    }

    /** {@code listener}, with the indicator signalling ERROR on every read failure. */
    public TapListener feedback(TapListener listener) {
        return new FailureSignals(listener, indicator);
    }

    /**
     * The reader's health as the kiosk reports it: the indicator has no place of its own in the kiosk status, and it is
     * the reader's feedback, so an indicator that does not work makes the reader DEGRADED with the reason.
     */
    public DeviceStatus readerHealth(DeviceStatus readerStatus) {
        DeviceStatus light = indicator.status();
        if (light.state() == DeviceStatus.State.ONLINE || readerStatus.state() == DeviceStatus.State.OFFLINE) {
            return readerStatus;
        }
        return DeviceStatus.degraded(readerStatus.detail() + "; indicator " + light.state().name().toLowerCase(
                java.util.Locale.ROOT) + ": " + light.detail());
    }

    /** Stops the reader (first thing at shutdown: no tap may start while the rest stops). Idempotent. */
    public void stopReading() {
        if (reading.compareAndSet(true, false)) {
            reader.close();
        }
    }

    @Override
    public void close() {
        stopReading();
        if (printer != null) {
            printer.close();
        }
        indicator.close();
    }
}
