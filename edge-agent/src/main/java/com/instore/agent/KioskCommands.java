package com.instore.agent;

import com.instore.agent.command.KioskActions;
import com.instore.agent.config.DesiredConfig;
import com.instore.agent.devices.KioskDevices;
import com.instore.agent.screen.ScreenBroadcaster;
import com.instore.devices.indicator.Indicator;
import com.instore.devices.printer.PrintResult;
import com.instore.devices.printer.Printer;
import com.instore.devices.printer.Receipt;
import com.instore.protocol.KioskAddress;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The agent's answers to remote commands (issue 7), on the command runner's worker threads. */
final class KioskCommands implements KioskActions {
    private final KioskAddress kiosk;
    private final KioskDevices devices;
    private final ScreenBroadcaster screen;
    private final java.util.concurrent.Callable<String> restartScreen;
    private final DesiredConfig desired;
    private final BooleanSupplier linkUp;
    private final Supplier<Object> outbox;
    private final String version;
    private final Clock clock;

    /** @param restartScreen restarts the screen's web server and waits for the pages to come back (blocking) */
    KioskCommands(KioskAddress kiosk, KioskDevices devices, ScreenBroadcaster screen,
                  java.util.concurrent.Callable<String> restartScreen, DesiredConfig desired, BooleanSupplier linkUp,
                  Supplier<Object> outbox, String version, Clock clock) {
        this.kiosk = kiosk;
        this.devices = devices;
        this.screen = screen;
        this.restartScreen = restartScreen;
        this.desired = desired;
        this.linkUp = linkUp;
        this.outbox = outbox;
        this.version = version;
        this.clock = clock;
    }

    /** How long the page shows the banner naming the kiosk. */
    static final int IDENTIFY_BANNER_SECONDS = 8;

    /** The indicator's own IDENTIFY pattern (no tap produces it) and a banner naming the kiosk on every open page. */
    @Override
    public String identify() {
        Indicator indicator = devices.indicator();
        indicator.signal(Indicator.Signal.IDENTIFY);
        int pages = screen.announce("identify", Map.of("kiosk", kiosk.kioskId(), "store", kiosk.storeId(),
                "seconds", IDENTIFY_BANNER_SECONDS));
        return "blinked and beeped the identify pattern (indicator " + indicator.status().state() + "); banner naming "
                + kiosk + " on " + pages + " page(s) for " + IDENTIFY_BANNER_SECONDS + " s";
    }

    @Override
    public String printTestPage() {
        Printer printer = devices.printer().orElseThrow(() -> new UnsupportedOperationException("no printer configured"));
        PrintResult result = printer.print(Receipt.builder().large("Test page").text(kiosk.toString())
                .text(clock.instant().toString()).text("agent " + version).qr("instore-test:" + kiosk).feed(3).cut()
                .build());
        if (!result.isPrinted()) {
            throw new IllegalStateException("printing failed: " + result.failure() + " " + result.detail());
        }
        return "test page printed";
    }

    @Override
    public String reloadConfig() throws Exception {
        return desired.reload();
    }

    /** Restarts the screen's web server; the open pages reload themselves and come back. */
    @Override
    public String restartScreen() throws Exception {
        return restartScreen.call();
    }

    @Override
    public Map<String, String> diagnostics() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kiosk", kiosk.toString());
        data.put("version", version);
        data.put("java", Runtime.version().toString());
        data.put("mqtt", linkUp.getAsBoolean() ? "connected" : "disconnected");
        data.put("outbox", String.valueOf(outbox.get()));
        data.put("indicator", String.valueOf(devices.indicator().status()));
        data.put("printer", devices.printer().map(p -> "present").orElse("none"));
        data.put("config", desired.applied().map(c -> "v" + c.version()).orElse("none"));
        data.put("uptime-s", String.valueOf(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000));
        Optional.ofNullable(screen.current()).ifPresent(s -> data.put("screen", s.state()));
        return data;
    }
}
