package com.instore.agent.doctor;

import com.instore.agent.printer.KioskPrinter;
import com.instore.devices.printer.PrintResult;
import com.instore.devices.printer.Printer;
import com.instore.devices.printer.PrinterState;
import com.instore.devices.printer.Receipt;
import com.instore.devices.printer.simulated.SimulatedPrinter;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Asks the printer for its real-time status (DLE EOT), says it in words, and prints a test page. Blocks a few seconds. */
final class PrinterCheck {
    private PrinterCheck() {
    }

    static void run(Report report, Printer printer, String kiosk, boolean printTestPage) {
        PrinterState state = printer.state();
        String line = "printer " + printer.name() + ": " + KioskPrinter.describe(state);
        if (!state.reachable()) {
            report.fail(line, "the printer " + printer.name() + " cannot be reached: check that it is switched on, its"
                    + " cable, and its address in agent.printer");
            return;
        }
        if (state.paperOut() || state.coverOpen() || state.offline()) {
            report.fail(line, "the printer cannot print: " + advice(state));
            return;
        }
        if (!state.known() || state.paperNearEnd()) {
            report.warn(line, state.paperNearEnd() ? "the printer's paper is nearly used up: have a new roll ready"
                    : "the printer does not report its status (no paper or cover warnings over this connection)");
        } else {
            report.ok(line);
        }
        if (printTestPage) {
            testPage(report, printer, kiosk);
        }
    }

    private static void testPage(Report report, Printer printer, String kiosk) {
        int before = printer instanceof SimulatedPrinter simulated ? simulated.images().size() : 0;
        PrintResult result = printer.print(Receipt.builder().align(Receipt.Align.CENTER).large("TEST PAGE")
                .text("edge-agent doctor").text(kiosk)
                .text(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).feed(1)
                .qr("edge-agent doctor test page " + kiosk, Receipt.ErrorCorrection.Q, 6).barcode("TEST-PAGE")
                .feed(2).cut().build());
        if (!result.isPrinted()) {
            report.fail("test page: not printed (" + result.failure() + ": " + result.detail() + ")",
                    "the test page did not print (" + result.failure() + ": " + result.detail() + ")");
            return;
        }
        String where = printer instanceof SimulatedPrinter simulated ? rendered(simulated, before) : "";
        report.ok("test page: printed" + where);
    }

    /** The simulated printer renders after the job's bytes arrived: its PNG appears a moment after print returns. */
    private static String rendered(SimulatedPrinter printer, int before) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (printer.images().size() <= before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return printer.images().size() > before ? ", rendered to " + printer.images().getLast() : "";
    }

    private static String advice(PrinterState state) {
        if (state.paperOut()) {
            return "it is out of paper: put in a new roll";
        }
        if (state.coverOpen()) {
            return "its cover is open: close it";
        }
        return "it reports itself offline: look at its error light, and press its feed button";
    }
}
