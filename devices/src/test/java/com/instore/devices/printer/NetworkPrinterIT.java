package com.instore.devices.printer;

import com.instore.devices.DeviceStatus;
import com.instore.devices.printer.simulated.EscPosParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The TCP transport against a bare socket on loopback that plays a network printer byte by byte. */
class NetworkPrinterIT {
    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final Printer printer = Printers.create("tcp://127.0.0.1:" + server.getLocalPort());

    NetworkPrinterIT() throws IOException {
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        printer.close();
    }

    /** Accepts one connection, answers each DLE EOT n with {@code status}, returns every other byte received. */
    private CompletableFuture<byte[]> serveOnce(int status) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                ByteArrayOutputStream job = new ByteArrayOutputStream();
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (b == EscPos.DLE) {
                        in.read(); // EOT
                        in.read(); // n
                        out.write(status);
                        out.flush();
                    } else {
                        job.write(b);
                    }
                }
                return job.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void receipt_arrivesAsEscPos_thatDecodesToTheSameReceipt() throws Exception {
        CompletableFuture<byte[]> received = serveOnce(0x12); // 0001 0010: fixed bits only, all well
        Receipt receipt = Receipt.builder().bold("Coupon").qr("CPN-0042").barcode("CPN-0042").cut().build();

        assertThat(printer.print(receipt)).isEqualTo(PrintResult.printed());

        List<Receipt> decoded = EscPosParser.parseAll(received.get(5, TimeUnit.SECONDS));
        assertThat(decoded).containsExactly(receipt);
    }

    @Test
    void printerReportingPaperEnd_getsNoJob() throws Exception {
        CompletableFuture<byte[]> received = serveOnce(0x12 | 0x60 | 0x0C | 0x08); // paper end, near end, offline

        PrintResult result = printer.print(Receipt.builder().text("x").build());

        assertThat(result.failure()).isEqualTo(PrintResult.Failure.NO_PAPER);
        assertThat(received.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void unreachablePrinter_isOfflineWithTheReason() throws IOException {
        server.close();
        assertThat(printer.print(Receipt.builder().text("x").build()).failure()).isEqualTo(PrintResult.Failure.OFFLINE);
        DeviceStatus status = printer.status();
        assertThat(status.state()).isEqualTo(DeviceStatus.State.OFFLINE);
        assertThat(status.detail()).startsWith("printer tcp://127.0.0.1:" + server.getLocalPort() + " unreachable");
    }

    @Test
    void garbledStatusByte_isUnknownState_notACrash() throws Exception {
        serveOnce(0xFF);
        PrinterState state = printer.state();
        assertThat(state.known()).isFalse();
        assertThat(state.detail()).contains("DLE EOT 1 answered FF, not a status byte");
    }
}
