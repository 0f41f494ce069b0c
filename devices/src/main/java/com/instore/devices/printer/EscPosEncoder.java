package com.instore.devices.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static com.instore.devices.printer.EscPos.ESC;
import static com.instore.devices.printer.EscPos.GS;
import static com.instore.devices.printer.EscPos.LF;

/** Turns a {@link Receipt} into ESC/POS bytes, text in code page WPC1252. Stateless, thread-safe. */
final class EscPosEncoder {
    private static final Charset TEXT = EscPos.CODE_PAGES.get(EscPos.CODE_PAGE_WPC1252);

    private EscPosEncoder() {
    }

    static byte[] encode(Receipt receipt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{ESC, '@'});                                  // ESC @: initialise
        out.writeBytes(new byte[]{ESC, 't', (byte) EscPos.CODE_PAGE_WPC1252}); // ESC t 16: WPC1252
        for (Receipt.Element element : receipt.elements()) {
            switch (element) {
                case Receipt.Text t -> text(out, t);
                case Receipt.Qr q -> qr(out, q);
                case Receipt.Barcode b -> barcode(out, b);
                case Receipt.Feed f -> out.writeBytes(new byte[]{ESC, 'd', (byte) f.lines()}); // ESC d n: feed n lines
                case Receipt.Cut c -> out.writeBytes(new byte[]{GS, 'V', 66, 0});      // GS V 66 0: feed, partial cut
            }
        }
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, Receipt.Text t) {
        align(out, t.align());
        out.writeBytes(new byte[]{ESC, 'E', (byte) (t.bold() ? 1 : 0)});          // ESC E n: bold on/off
        out.writeBytes(new byte[]{GS, '!', (byte) (t.doubleSize() ? 0x11 : 0)}); // GS ! n: width x2 | height x2
        out.writeBytes(t.text().getBytes(TEXT));                                  // unmappable characters become '?'
        out.write(LF);
    }

    private static void qr(ByteArrayOutputStream out, Receipt.Qr q) {
        align(out, Receipt.Align.CENTER);
        qrFunction(out, EscPos.QR_MODEL, new byte[]{50, 0});                                // model 2
        qrFunction(out, EscPos.QR_MODULE_SIZE, new byte[]{(byte) q.moduleSize()});          // module size in dots
        qrFunction(out, EscPos.QR_ERROR_CORRECTION, new byte[]{(byte) (48 + q.errorCorrection().ordinal())}); // 48=L..51=H
        byte[] data = q.payload().getBytes(StandardCharsets.UTF_8);
        byte[] store = new byte[data.length + 1];
        store[0] = 48;                                                                      // m = 48
        System.arraycopy(data, 0, store, 1, data.length);
        qrFunction(out, EscPos.QR_STORE, store);                                            // store the data
        qrFunction(out, EscPos.QR_PRINT, new byte[]{48});                                   // print the stored code
        out.write(LF);
    }

    /** {@code GS ( k pL pH cn fn parameters}: pL pH = little-endian length of cn, fn and parameters; cn = 49 (QR). */
    private static void qrFunction(ByteArrayOutputStream out, int function, byte[] parameters) {
        int length = parameters.length + 2;
        out.writeBytes(new byte[]{GS, '(', 'k', (byte) length, (byte) (length >> 8), 49, (byte) function});
        out.writeBytes(parameters);
    }

    private static void barcode(ByteArrayOutputStream out, Receipt.Barcode b) {
        align(out, Receipt.Align.CENTER);
        out.writeBytes(new byte[]{GS, 'H', 2});    // GS H 2: human readable text below the bars
        out.writeBytes(new byte[]{GS, 'h', 80});   // GS h 80: 80 dots high
        out.writeBytes(new byte[]{GS, 'w', 2});    // GS w 2: narrowest bar 2 dots
        byte[] data = ("{B" + b.data()).getBytes(StandardCharsets.US_ASCII); // "{B": CODE128 code set B
        out.writeBytes(new byte[]{GS, 'k', (byte) EscPos.BARCODE_CODE128, (byte) data.length});
        out.writeBytes(data);
        out.write(LF);
    }

    private static void align(ByteArrayOutputStream out, Receipt.Align align) {
        out.writeBytes(new byte[]{ESC, 'a', (byte) align.ordinal()}); // ESC a n: 0 left, 1 center, 2 right
    }
}
