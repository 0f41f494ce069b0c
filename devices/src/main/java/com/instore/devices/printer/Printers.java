package com.instore.devices.printer;

import com.instore.devices.printer.simulated.SimulatedPrinter;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a printer from configuration:
 * <ul>
 * <li>{@code tcp://host:9100} (port 9100 when omitted): a network printer's raw port;</li>
 * <li>{@code file:/dev/usb/lp0}: a device file (USB printer through usblp; no status back channel);</li>
 * <li>{@code serial:/dev/ttyUSB0?baud=19200}: a serial printer (jSerialComm, 8N1; baud 19200 when omitted);</li>
 * <li>{@code simulated} or {@code simulated?dir=demo-data/receipts&port=0}: a {@link SimulatedPrinter} on loopback
 * that writes each receipt as a PNG to {@code dir} (default {@code receipts}).</li>
 * </ul>
 * Opens nothing but the simulated printer's listening socket: printers are connected per job.
 */
public final class Printers {
    /** Connect and answer timeout: long enough for a busy printer, short enough for a tap-and-print kiosk. */
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private Printers() {
    }

    /** @throws IllegalArgumentException for a spec of an unknown form (the message lists the supported ones) */
    public static Printer create(String spec) {
        String text = spec == null ? "" : spec.strip();
        if (text.equals("simulated") || text.startsWith("simulated?")) {
            Map<String, String> query = query(text.substring("simulated".length()));
            return SimulatedPrinter.start(Integer.parseInt(query.getOrDefault("port", "0")),
                    Path.of(query.getOrDefault("dir", "receipts")));
        }
        if (text.startsWith("tcp://")) {
            URI uri = URI.create(text);
            if (uri.getHost() == null) {
                throw unsupported(spec, "no host");
            }
            return new EscPosPrinter(new TcpTransport(uri.getHost(), uri.getPort() < 0 ? 9100 : uri.getPort(), TIMEOUT));
        }
        if (text.startsWith("file:") && text.length() > 5) {
            return new EscPosPrinter(new FileTransport(Path.of(text.substring(5))));
        }
        if (text.startsWith("serial:") && text.length() > 7) {
            int q = text.indexOf('?');
            String device = q < 0 ? text.substring(7) : text.substring(7, q);
            int baud = Integer.parseInt(query(q < 0 ? "" : text.substring(q)).getOrDefault("baud", "19200"));
            return new EscPosPrinter(new SerialTransport(device, baud, (int) TIMEOUT.toMillis()));
        }
        throw unsupported(spec, "unknown form");
    }

    private static IllegalArgumentException unsupported(String spec, String why) {
        return new IllegalArgumentException("printer '" + spec + "' not understood (" + why + "): supported are"
                + " tcp://host:9100, file:/dev/usb/lp0, serial:/dev/ttyUSB0?baud=19200, simulated?dir=DIR");
    }

    private static Map<String, String> query(String text) {
        Map<String, String> options = new HashMap<>();
        if (text.startsWith("?")) {
            for (String pair : text.substring(1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    options.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return options;
    }
}
