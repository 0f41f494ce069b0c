package com.instore.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A coupon to print, hub to kiosk on {@link Channel#PRINT} (QoS 1, message expiry 60 s). {@code lines} are the receipt's
 * text lines, top to bottom; the QR code of {@code qrPayload} goes under them, the code in clear under the QR code.
 * {@code tapId} is the tap the shopper printed from.
 */
public record PrintJob(int v, String id, Instant at, String kioskId, String tapId, String couponCode, String qrPayload,
                       List<String> lines) implements Message {
    public PrintJob {
        Check.version(v);
        Check.uuid(id, "id");
        Check.present(at, "at");
        KioskAddress.requireSlug(kioskId, "kioskId");
        Check.uuid(tapId, "tapId");
        Check.text(couponCode, "couponCode", 64);
        Check.text(qrPayload, "qrPayload", 512);
        lines = lines == null ? List.of() : List.copyOf(lines);
        if (lines.size() > 40) {
            throw new IllegalArgumentException("'lines' has " + lines.size() + " lines, at most 40");
        }
    }
}
