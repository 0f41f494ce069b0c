package com.instore.agent.printer;

import com.instore.agent.link.LinkListener;
import com.instore.agent.screen.PrintFallback;
import com.instore.agent.screen.ScreenState;
import com.instore.devices.DeviceStatus;
import com.instore.devices.printer.PrintResult;
import com.instore.devices.printer.Printer;
import com.instore.devices.printer.PrinterState;
import com.instore.protocol.PrintJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prints the hub's print jobs on the kiosk's receipt printer, one at a time on its own worker thread ("printer": printer
 * calls block up to a few seconds). A job the printer cannot take (no paper, cover open, offline, error) is shown on
 * screen instead: its QR code, made on the kiosk. The printer's health is asked every {@code status-poll-ms} and after
 * each job; a change is reported at once (the kiosk republishes its status). A job redelivered by MQTT (same id) prints
 * once. Thread-safe: {@link #submit} returns at once and never throws.
 */
public final class KioskPrinter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KioskPrinter.class.getName());

    private final PrinterConfig config;
    private final Printer printer;
    private final Consumer<ScreenState> fallback;
    private final Runnable healthChanged;
    private final MeterRegistry registry;
    private final RecentIds seen = new RecentIds(256);
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("printer").daemon().factory());
    private volatile DeviceStatus health = DeviceStatus.degraded("status not asked yet");

    private KioskPrinter(PrinterConfig config, Printer printer, Consumer<ScreenState> fallback, Runnable healthChanged,
                         MeterRegistry registry) {
        this.config = config;
        this.printer = printer;
        this.fallback = fallback;
        this.healthChanged = healthChanged;
        this.registry = registry;
    }

    /**
     * Starts polling the printer's health (at once, then every {@code config.statusEvery()}).
     *
     * @param printer       the printer, or empty when none is fitted (jobs then go straight to the screen)
     * @param fallback      shows a coupon on screen (the tap pipeline's {@code showForTap}); must not block
     * @param healthChanged told, on the worker thread, when {@link #health} changed; must not block
     */
    public static KioskPrinter start(PrinterConfig config, Optional<Printer> printer, Consumer<ScreenState> fallback,
                                     Runnable healthChanged, MeterRegistry registry) {
        KioskPrinter kioskPrinter = new KioskPrinter(config, printer.orElse(null), fallback, healthChanged, registry);
        if (kioskPrinter.printer != null) {
            kioskPrinter.worker.scheduleWithFixedDelay(kioskPrinter::poll, 0, config.statusEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return kioskPrinter;
    }

    /** The link's events for {@code delegate}, with print jobs taken here. */
    public LinkListener takingPrintJobs(LinkListener delegate) {
        return new PrintJobRouter(delegate, this::submit);
    }

    /** Queues a job for the worker; a job already seen is dropped. */
    public void submit(PrintJob job) {
        if (!seen.add(job.id())) {
            count("duplicate");
            return;
        }
        try {
            worker.execute(() -> print(job));
        } catch (RejectedExecutionException closed) {
            LOG.warning("print job " + job.id() + " arrived while the kiosk is stopping: dropped");
        }
    }

    /** The printer's health; empty when no printer is fitted. */
    public Optional<DeviceStatus> health() {
        return printer == null ? Optional.empty() : Optional.of(health);
    }

    /** A printer's real-time status in words ("paper near end", "unreachable (Connection refused)"). */
    public static String describe(PrinterState state) {
        return PrinterWords.describe(state);
    }

    private void print(PrintJob job) {
        PrintResult result;
        try {
            result = printer == null ? PrintResult.failed(PrintResult.Failure.OFFLINE, "no printer fitted")
                    : printer.print(CouponReceipt.of(job, config.header()));
        } catch (RuntimeException e) {
            result = PrintResult.failed(PrintResult.Failure.ERROR, String.valueOf(e.getMessage()));
        }
        count(result.isPrinted() ? "printed" : result.failure().name().toLowerCase(java.util.Locale.ROOT));
        if (!result.isPrinted()) {
            LOG.warning("coupon " + job.couponCode() + " not printed (" + result.failure() + ": " + result.detail()
                    + "): shown on screen instead");
            showOnScreen(job, result);
        }
        if (printer != null) {
            poll();
        }
    }

    private void showOnScreen(PrintJob job, PrintResult result) {
        try {
            fallback.accept(ScreenState.printFallback(job.tapId(), new PrintFallback(job.couponCode(), job.qrPayload(),
                    QrImage.dataUrl(job.qrPayload()), job.lines(), PrinterWords.forShopper(result))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "coupon " + job.couponCode() + " cannot be shown on screen either", e);
        }
    }

    private void poll() {
        DeviceStatus now;
        try {
            now = PrinterWords.health(printer.state(), printer.name());
        } catch (RuntimeException e) {
            now = DeviceStatus.offline("status query failed: " + e.getMessage() + " - " + printer.name());
        }
        if (!now.equals(health)) {
            LOG.info("printer " + now.state() + ": " + now.detail());
            health = now;
            healthChanged.run();
        }
    }

    private void count(String outcome) {
        Counter.builder("agent.print.jobs").description("Print jobs from the hub, by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Stops the worker; a job being printed finishes (bounded by the printer's timeouts). Does not close the printer. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
