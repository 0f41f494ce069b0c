package com.instore.agent.printer;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The kiosk's receipt printer ({@code agent.printer}), written as one URI ({@code printer: tcp://10.0.0.7:9100}) or as an
 * object ({@code printer: { uri: simulated, header: Demo Store, status-poll-ms: 10000 }}).
 *
 * @param uri         {@code tcp://host:9100}, {@code file:/dev/usb/lp0}, {@code serial:/dev/ttyUSB0?baud=19200},
 *                    {@code simulated} (listens on a loopback port, {@code simulated?port=9100} for a fixed one, and
 *                    renders PNGs under {@code receiptsDir}) or {@code none} (no printer fitted)
 * @param header      the store name printed at the top of every receipt
 * @param statusEvery how often the printer's health is asked ({@code status-poll-ms}, default 10000)
 * @param receiptsDir where a simulated printer puts its PNGs: {@code <agent.data-dir>/receipts}
 */
public record PrinterConfig(String uri, String header, Duration statusEvery, Path receiptsDir) {
    public static final String NONE = "none";
    public static final String SIMULATED = "simulated";
    static final Duration DEFAULT_STATUS_EVERY = Duration.ofSeconds(10);
    private static final List<String> FORMS = List.of("tcp://", "file:", "serial:");

    public PrinterConfig {
        Objects.requireNonNull(receiptsDir, "receiptsDir");
        uri = uri == null ? NONE : uri.strip();
        if (!supported(uri)) {
            throw new IllegalArgumentException("unsupported agent.printer '" + uri + "': supported are tcp://host:9100,"
                    + " file:/dev/usb/lp0, serial:/dev/ttyUSB0?baud=19200, simulated, none");
        }
        header = header == null || header.isBlank() ? "Thank you for visiting" : header.strip();
        if (statusEvery == null || statusEvery.toMillis() < 100) {
            throw new IllegalArgumentException("agent.printer.status-poll-ms must be at least 100, got " + statusEvery);
        }
    }

    /** Reads the {@code agent.printer} node; no node means no printer. */
    public static PrinterConfig from(Config printer, Path dataDir, String defaultHeader) {
        Path receipts = dataDir.resolve("receipts");
        if (!printer.exists()) {
            return new PrinterConfig(NONE, defaultHeader, DEFAULT_STATUS_EVERY, receipts);
        }
        if (printer.isLeaf()) {
            return new PrinterConfig(printer.asString().orElse(NONE), defaultHeader, DEFAULT_STATUS_EVERY, receipts);
        }
        return new PrinterConfig(printer.get("uri").asString().orElse(NONE),
                printer.get("header").asString().orElse(defaultHeader),
                Duration.ofMillis(printer.get("status-poll-ms").asLong().orElse(DEFAULT_STATUS_EVERY.toMillis())),
                receipts);
    }

    private static boolean supported(String uri) {
        return uri.equals(NONE) || uri.equals(SIMULATED) || uri.startsWith(SIMULATED + "?")
                || FORMS.stream().anyMatch(f -> uri.startsWith(f) && uri.length() > f.length());
    }

    public boolean fitted() {
        return !NONE.equals(uri);
    }

    /** The spec {@link com.instore.devices.printer.Printers#create} takes; a simulated printer writes to receiptsDir. */
    public String spec() {
        if (!uri.startsWith(SIMULATED) || uri.contains("dir=")) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + "dir=" + receiptsDir;
    }
}
