package com.instore.devices.printer.simulated;

import com.instore.devices.printer.EscPos;
import com.instore.devices.printer.PrintResult;
import com.instore.devices.printer.Printer;
import com.instore.devices.printer.PrinterState;
import com.instore.devices.printer.Printers;
import com.instore.devices.printer.Receipt;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receipt printer with no hardware, for demos and tests. It listens on TCP like a network printer (raw port), decodes
 * the ESC/POS it receives ({@link EscPosParser}), answers {@code DLE EOT} status requests from its paper and cover
 * state, and renders each receipt as a PNG in its output directory (the demo's data directory), so anyone can look at
 * the coupons the demo printed. It is also a {@link Printer}: printing on it goes through the real ESC/POS encoder and
 * TCP transport. Thread-safe; each connection is served on its own virtual thread.
 */
public final class SimulatedPrinter implements Printer {
    /** The paper roll as the sensor sees it. */
    public enum Paper { OK, NEAR_END, OUT }

    private static final System.Logger LOG = System.getLogger(SimulatedPrinter.class.getName());

    private final ServerSocket server;
    private final Path outputDir;
    private final Printer client;
    private final List<Receipt> printed = new CopyOnWriteArrayList<>();
    private final List<Path> images = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Paper paper = Paper.OK;
    private volatile boolean coverOpen;

    private SimulatedPrinter(ServerSocket server, Path outputDir) {
        this.server = server;
        this.outputDir = outputDir;
        this.client = Printers.create("tcp://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
        Thread.ofVirtual().name("simulated-printer-accept").start(this::accept);
    }

    /**
     * Starts listening on the loopback interface.
     *
     * @param port      0 for any free port
     * @param outputDir where the PNGs go (created if missing)
     * @throws UncheckedIOException when the port cannot be bound or the directory made
     */
    public static SimulatedPrinter start(int port, Path outputDir) {
        try {
            Files.createDirectories(outputDir);
            return new SimulatedPrinter(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("simulated printer cannot start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public void setPaper(Paper paper) {
        this.paper = paper;
    }

    public void setCoverOpen(boolean coverOpen) {
        this.coverOpen = coverOpen;
    }

    /** Receipts printed so far, in order (not those refused for want of paper). */
    public List<Receipt> printed() {
        return List.copyOf(printed);
    }

    /** The PNG of each printed receipt, in order. */
    public List<Path> images() {
        return List.copyOf(images);
    }

    @Override
    public String name() {
        return "simulated printer " + client.name();
    }

    @Override
    public PrintResult print(Receipt receipt) {
        return client.print(receipt);
    }

    @Override
    public PrinterState state() {
        return client.state();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("simulated-printer-job").start(() -> serve(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "simulated printer: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            EscPosParser parser = new EscPosParser(socket.getInputStream(), n -> {
                out.write(statusByte(n));
                out.flush();
            });
            for (var receipt = parser.next(); receipt.isPresent(); receipt = parser.next()) {
                accept(receipt.get());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "simulated printer: connection ended: " + e.getMessage());
        }
    }

    private void accept(Receipt receipt) throws IOException {
        if (paper == Paper.OUT || coverOpen) {
            LOG.log(System.Logger.Level.WARNING, "simulated printer: receipt dropped (paper out or cover open)");
            return;
        }
        Path file = outputDir.resolve(String.format("receipt-%04d-%d.png", sequence.incrementAndGet(),
                System.currentTimeMillis()));
        ImageIO.write(ReceiptRenderer.render(receipt), "png", file.toFile());
        printed.add(receipt);
        images.add(file);
        LOG.log(System.Logger.Level.INFO, "simulated printer: receipt printed to " + file);
    }

    /** The status byte a real printer would answer to {@code DLE EOT n}: bits 1 and 4 always set. */
    private int statusByte(int n) {
        int status = EscPos.STATUS_FIXED_BITS;
        return switch (n) {
            case EscPos.STATUS_PRINTER -> status | (paper == Paper.OUT || coverOpen ? EscPos.PRINTER_OFFLINE : 0);
            case EscPos.STATUS_OFFLINE_CAUSE -> status | (coverOpen ? EscPos.CAUSE_COVER_OPEN : 0)
                    | (paper == Paper.OUT ? EscPos.CAUSE_PAPER_END_STOP : 0);
            case EscPos.STATUS_PAPER -> status | switch (paper) {
                case OK -> 0;
                case NEAR_END -> EscPos.PAPER_NEAR_END;
                case OUT -> EscPos.PAPER_NEAR_END | EscPos.PAPER_END;
            };
            default -> status;
        };
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "simulated printer: close: " + e.getMessage());
        }
    }
}
