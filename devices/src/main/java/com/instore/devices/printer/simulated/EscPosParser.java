package com.instore.devices.printer.simulated;

import com.instore.devices.printer.EscPos;
import com.instore.devices.printer.Receipt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes an ESC/POS byte stream back into {@link Receipt}s, as a printer would read it: command by command, answering
 * real-time status requests ({@code DLE EOT n}) as soon as they arrive. A receipt ends at a cut (or at the end of the
 * stream). Commands outside our set are skipped (their first byte) and logged. One stream per parser; not thread-safe.
 */
public final class EscPosParser {
    /** Answers {@code DLE EOT n}. */
    @FunctionalInterface
    public interface StatusResponder {
        void answer(int n) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(EscPosParser.class.getName());

    private final DataInputStream in;
    private final StatusResponder responder;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final QrState qr = new QrState();
    private List<Receipt.Element> elements = new ArrayList<>();
    private Charset charset = EscPos.CODE_PAGES.get(0);
    private Receipt.Align align = Receipt.Align.LEFT;
    private boolean bold;
    private boolean doubleSize;

    public EscPosParser(InputStream in, StatusResponder responder) {
        this.in = new DataInputStream(in);
        this.responder = responder;
    }

    /** Parses a whole job (status requests in it are ignored). */
    public static List<Receipt> parseAll(byte[] bytes) throws IOException {
        EscPosParser parser = new EscPosParser(new ByteArrayInputStream(bytes), n -> { });
        List<Receipt> receipts = new ArrayList<>();
        for (Optional<Receipt> r = parser.next(); r.isPresent(); r = parser.next()) {
            receipts.add(r.get());
        }
        return receipts;
    }

    /** Blocks until the next receipt is complete; empty at the end of the stream with nothing pending. */
    public Optional<Receipt> next() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                endLine(false);
                return take();
            }
            if (command(b)) {
                return take();
            }
        }
    }

    private Optional<Receipt> take() {
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        Receipt receipt = new Receipt(elements);
        elements = new ArrayList<>();
        return Optional.of(receipt);
    }

    /** @return true when the command ended a receipt (a cut) */
    private boolean command(int b) throws IOException {
        switch (b) {
            case EscPos.ESC -> esc(in.readUnsignedByte());
            case EscPos.GS -> {
                return gs(in.readUnsignedByte());
            }
            case EscPos.DLE -> dle(in.readUnsignedByte());
            case EscPos.LF -> endLine(true);
            case '\r' -> { }
            default -> {
                if (b >= 0x20) {
                    line.write(b);
                } else {
                    LOG.log(System.Logger.Level.DEBUG, "control byte {0} skipped", b);
                }
            }
        }
        return false;
    }

    private void esc(int c) throws IOException {
        switch (c) {
            case '@' -> reset();
            case 't' -> charset = EscPos.CODE_PAGES.getOrDefault(in.readUnsignedByte(), StandardCharsets.ISO_8859_1);
            case 'a' -> align = Receipt.Align.values()[Math.min(in.readUnsignedByte() % 48, 2)];
            case 'E' -> bold = (in.readUnsignedByte() & 1) != 0;
            case '!' -> {
                int mode = in.readUnsignedByte(); // b3 emphasized, b4 double height, b5 double width
                bold = (mode & 0x08) != 0;
                doubleSize = (mode & 0x30) != 0;
            }
            case 'd' -> {
                endLine(false);
                int lines = in.readUnsignedByte();
                if (lines > 0) {
                    elements.add(new Receipt.Feed(lines));
                }
            }
            case '-', 'J', '3', 'M', 'G', 'R' -> in.readUnsignedByte(); // underline, feed dots, spacing, font...
            case '2' -> { }
            default -> LOG.log(System.Logger.Level.DEBUG, "ESC {0} skipped", c);
        }
    }

    private boolean gs(int c) throws IOException {
        switch (c) {
            case '!' -> doubleSize = (in.readUnsignedByte() & 0x11) != 0; // width x2 (0x10) or height x2 (0x01)
            case 'V' -> {
                int m = in.readUnsignedByte();
                if (m == 65 || m == 66) {
                    in.readUnsignedByte(); // feed amount before the cut
                }
                endLine(false);
                elements.add(new Receipt.Cut());
                return true;
            }
            case '(' -> gsParen(in.readUnsignedByte());
            case 'k' -> barcode(in.readUnsignedByte());
            case 'H', 'h', 'w', 'f' -> in.readUnsignedByte(); // HRI position, height, width, HRI font
            default -> LOG.log(System.Logger.Level.DEBUG, "GS {0} skipped", c);
        }
        return false;
    }

    private void gsParen(int kind) throws IOException {
        int length = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
        byte[] body = new byte[length];
        in.readFully(body);
        if (kind != 'k' || length < 2 || body[0] != 49) {
            return; // another GS ( function or a 2D code other than QR
        }
        qr.apply(body, elements, this::endLineQuietly);
    }

    private void barcode(int m) throws IOException {
        byte[] data;
        if (m <= 6) { // function A: data ends with NUL
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.readUnsignedByte(); b != 0; b = in.readUnsignedByte()) {
                bytes.write(b);
            }
            data = bytes.toByteArray();
        } else {
            data = new byte[in.readUnsignedByte()];
            in.readFully(data);
        }
        String text = new String(data, StandardCharsets.US_ASCII);
        if (m == EscPos.BARCODE_CODE128 && text.length() >= 2 && text.charAt(0) == '{') {
            text = text.substring(2); // code set selector {A, {B or {C
        }
        endLine(false);
        try {
            elements.add(new Receipt.Barcode(text));
        } catch (IllegalArgumentException unprintable) {
            // Empty, too long or not printable ASCII: a printer prints no barcode for it (found by fuzzing).
            LOG.log(System.Logger.Level.DEBUG, "barcode skipped: {0}", unprintable.getMessage());
        }
    }

    private void dle(int c) throws IOException {
        if (c == EscPos.EOT) {
            responder.answer(in.readUnsignedByte());
        }
    }

    private void endLineQuietly() {
        endLine(false);
    }

    /** @param lineFeed an LF: an empty line counts, unless it only ends the line of a QR code or barcode */
    private void endLine(boolean lineFeed) {
        if (line.size() == 0) {
            boolean afterGraphic = !elements.isEmpty() && (elements.getLast() instanceof Receipt.Qr
                    || elements.getLast() instanceof Receipt.Barcode);
            if (!lineFeed || afterGraphic) {
                return;
            }
        }
        elements.add(new Receipt.Text(new String(line.toByteArray(), charset), bold, doubleSize, align));
        line.reset();
    }

    private void reset() {
        endLine(false);
        charset = EscPos.CODE_PAGES.get(0);
        align = Receipt.Align.LEFT;
        bold = false;
        doubleSize = false;
    }
}
