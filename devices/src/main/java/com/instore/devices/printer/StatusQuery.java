package com.instore.devices.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Asks a printer for its real-time status: {@code DLE EOT 1} (printer), {@code 2} (offline cause), {@code 4} (paper). */
final class StatusQuery {
    private StatusQuery() {
    }

    static PrinterState ask(Transport.Link link) {
        if (link.in() == null) {
            return PrinterState.unknown("status not available over this transport");
        }
        try {
            int printer = ask(link, EscPos.STATUS_PRINTER);
            int cause = ask(link, EscPos.STATUS_OFFLINE_CAUSE);
            int paper = ask(link, EscPos.STATUS_PAPER);
            return PrinterState.reported((printer & EscPos.PRINTER_OFFLINE) != 0,
                    (cause & EscPos.CAUSE_COVER_OPEN) != 0,
                    (paper & EscPos.PAPER_NEAR_END) != 0,
                    (paper & EscPos.PAPER_END) != 0 || (cause & EscPos.CAUSE_PAPER_END_STOP) != 0);
        } catch (IOException e) {
            return PrinterState.unknown("printer did not answer its status query: " + e.getMessage());
        }
    }

    private static int ask(Transport.Link link, int n) throws IOException {
        OutputStream out = link.out();
        out.write(new byte[]{EscPos.DLE, EscPos.EOT, (byte) n});
        out.flush();
        InputStream in = link.in();
        int answer = in.read();
        if (answer < 0) {
            throw new IOException("connection closed");
        }
        if ((answer & EscPos.STATUS_FIXED_MASK) != EscPos.STATUS_FIXED_BITS) {
            throw new IOException(String.format("DLE EOT %d answered %02X, not a status byte", n, answer));
        }
        return answer;
    }
}
