package com.instore.devices.printer;

import java.io.IOException;

/** An ESC/POS printer on any transport. Calls are serialised; each opens its own link (printers reboot, cables move). */
final class EscPosPrinter implements Printer {
    private static final System.Logger LOG = System.getLogger(EscPosPrinter.class.getName());

    private final Transport transport;

    EscPosPrinter(Transport transport) {
        this.transport = transport;
    }

    @Override
    public String name() {
        return transport.name();
    }

    @Override
    public synchronized PrintResult print(Receipt receipt) {
        byte[] job = EscPosEncoder.encode(receipt);
        try (Transport.Link link = transport.open()) {
            PrinterState state = StatusQuery.ask(link);
            PrintResult.Failure blocking = state.blockingFailure();
            if (blocking != null) {
                return PrintResult.failed(blocking, state.toDeviceStatus().detail());
            }
            link.out().write(job);
            link.out().flush();
            return PrintResult.printed();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "print on " + name() + " failed: " + e.getMessage());
            return PrintResult.failed(PrintResult.Failure.OFFLINE, e.getMessage());
        }
    }

    @Override
    public synchronized PrinterState state() {
        try (Transport.Link link = transport.open()) {
            return StatusQuery.ask(link);
        } catch (IOException e) {
            return PrinterState.unreachable(e.getMessage());
        }
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
