package com.instore.agent.screen;

import java.util.List;
import java.util.Objects;

/**
 * A coupon the printer could not print, shown on screen instead (state {@code printfallback}): the till scans the QR code
 * off the screen.
 *
 * @param code      the coupon code, in clear
 * @param qrPayload what the QR code holds
 * @param qrImage   the QR code as a {@code data:image/png;base64,...} URL (made on the kiosk: no network needed)
 * @param lines     the receipt's text lines
 * @param reason    why it was not printed, in words for the shopper ("The printer is out of paper")
 */
public record PrintFallback(String code, String qrPayload, String qrImage, List<String> lines, String reason) {
    public PrintFallback {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(qrPayload, "qrPayload");
        Objects.requireNonNull(qrImage, "qrImage");
        lines = lines == null ? List.of() : List.copyOf(lines);
        reason = reason == null ? "" : reason;
    }
}
