package com.instore.devices.printer.simulated;

import com.instore.devices.printer.EscPos;
import com.instore.devices.printer.Receipt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The printer's QR symbol storage, set by {@code GS ( k} functions 167, 169, 180 and printed by function 181. */
final class QrState {
    private int moduleSize = 3;
    private Receipt.ErrorCorrection errorCorrection = Receipt.ErrorCorrection.L;
    private byte[] data = new byte[0];

    /** @param body cn fn parameters (cn = 49 already checked) */
    void apply(byte[] body, List<Receipt.Element> elements, Runnable endLine) {
        int function = body[1] & 0xFF;
        switch (function) {
            case EscPos.QR_MODULE_SIZE -> moduleSize = Math.clamp(body[2], 1, 16);
            case EscPos.QR_ERROR_CORRECTION -> errorCorrection =
                    Receipt.ErrorCorrection.values()[Math.clamp((body[2] & 0xFF) - 48, 0, 3)];
            case EscPos.QR_STORE -> data = Arrays.copyOfRange(body, 3, body.length); // after m = 48
            case EscPos.QR_PRINT -> {
                if (data.length > 0) {
                    endLine.run();
                    elements.add(new Receipt.Qr(new String(data, StandardCharsets.UTF_8), errorCorrection, moduleSize));
                }
            }
            default -> { } // model (165) and others: no effect on the picture
        }
    }
}
