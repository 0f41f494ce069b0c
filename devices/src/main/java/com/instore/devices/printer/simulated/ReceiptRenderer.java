package com.instore.devices.printer.simulated;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.instore.devices.printer.Receipt;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Draws a receipt as an 80 mm printer would put it on paper: 576 dots wide (72 mm at 203 dpi), monospaced text (bold,
 * double size), the QR code regenerated with ZXing from the stored data (one module = module-size dots, quiet zone
 * included), CODE128 barcodes with their text. Stateless apart from the page being drawn; headless AWT.
 */
final class ReceiptRenderer {
    static final int WIDTH = 576;
    private static final int MARGIN = 16;
    private static final int FONT_SIZE = 22;
    private static final int BAR_HEIGHT = 80;
    private static final int MAX_HEIGHT = 20_000;

    private ReceiptRenderer() {
    }

    static BufferedImage render(Receipt receipt) {
        BufferedImage page = new BufferedImage(WIDTH, MAX_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, MAX_HEIGHT);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int y = MARGIN;
        for (Receipt.Element element : receipt.elements()) {
            y = switch (element) {
                case Receipt.Text t -> text(g, t, y);
                case Receipt.Qr q -> qr(g, q, y);
                case Receipt.Barcode b -> barcode(g, b, y);
                case Receipt.Feed f -> y + f.lines() * lineHeight(FONT_SIZE);
                case Receipt.Cut c -> cutLine(g, y);
            };
        }
        g.dispose();
        return page.getSubimage(0, 0, WIDTH, Math.min(MAX_HEIGHT, y + MARGIN));
    }

    private static int lineHeight(int fontSize) {
        return fontSize * 5 / 4;
    }

    private static int text(Graphics2D g, Receipt.Text t, int y) {
        int size = t.doubleSize() ? FONT_SIZE * 2 : FONT_SIZE;
        g.setFont(new Font(Font.MONOSPACED, t.bold() ? Font.BOLD : Font.PLAIN, size));
        int width = g.getFontMetrics().stringWidth(t.text());
        int x = switch (t.align()) {
            case LEFT -> MARGIN;
            case CENTER -> (WIDTH - width) / 2;
            case RIGHT -> WIDTH - MARGIN - width;
        };
        int lineHeight = lineHeight(size);
        g.drawString(t.text(), x, y + g.getFontMetrics().getAscent());
        return y + lineHeight;
    }

    private static int qr(Graphics2D g, Receipt.Qr q, int y) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(q.payload(), BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.valueOf(q.errorCorrection().name()),
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 4)); // quiet zone of 4 modules, as ISO 18004 asks
        } catch (WriterException e) {
            return text(g, new Receipt.Text("[QR code too large]", true, false, Receipt.Align.CENTER), y);
        }
        int size = modules.getWidth() * q.moduleSize();
        return draw(g, modules, (WIDTH - size) / 2, y, q.moduleSize(), q.moduleSize()) + FONT_SIZE / 2;
    }

    private static int barcode(Graphics2D g, Receipt.Barcode b, int y) {
        BitMatrix bars = new Code128Writer().encode(b.data(), BarcodeFormat.CODE_128, 0, 1);
        int narrow = 2;
        int width = bars.getWidth() * narrow;
        int bottom = draw(g, bars, (WIDTH - width) / 2, y, narrow, BAR_HEIGHT);
        return text(g, new Receipt.Text(b.data(), false, false, Receipt.Align.CENTER), bottom + 4);
    }

    /** Draws a bit matrix with cells of w x h pixels (a 1-row matrix becomes bars of height h). */
    private static int draw(Graphics2D g, BitMatrix matrix, int left, int top, int w, int h) {
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    g.fillRect(left + col * w, top + row * h, w, h);
                }
            }
        }
        return top + matrix.getHeight() * h;
    }

    private static int cutLine(Graphics2D g, int y) {
        int lineY = y + FONT_SIZE;
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 6}, 0));
        g.drawLine(0, lineY, WIDTH, lineY);
        return lineY;
    }
}
