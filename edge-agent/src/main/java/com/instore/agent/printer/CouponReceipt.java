package com.instore.agent.printer;

import com.instore.devices.printer.Receipt;
import com.instore.protocol.PrintJob;

/**
 * A print job as a receipt: store header, the job's lines, the coupon code in double size, its QR code, a CODE128 barcode
 * of the code (when the code fits CODE128), and a cut.
 */
final class CouponReceipt {
    /** Q: a quarter of the code may be creased or smudged and the till still scans it. */
    static final Receipt.ErrorCorrection QR_CORRECTION = Receipt.ErrorCorrection.Q;
    /** About 3-4 cm for a coupon link at 203 dpi. */
    private static final int QR_MODULE_DOTS = 6;

    private CouponReceipt() {
    }

    /** @throws IllegalArgumentException when the job cannot be printed as such (a QR payload over 7000 characters) */
    static Receipt of(PrintJob job, String header) {
        Receipt.Builder receipt = Receipt.builder().align(Receipt.Align.CENTER).bold(header).feed(1)
                .align(Receipt.Align.LEFT);
        job.lines().stream().flatMap(String::lines).map(CouponReceipt::printable).forEach(receipt::text);
        receipt.feed(1).align(Receipt.Align.CENTER).large(printable(job.couponCode()))
                .qr(job.qrPayload(), QR_CORRECTION, QR_MODULE_DOTS);
        if (fitsCode128(job.couponCode())) {
            receipt.barcode(job.couponCode());
        }
        return receipt.feed(2).cut().build();
    }

    static boolean fitsCode128(String code) {
        return code.length() <= 60 && code.chars().allMatch(c -> c >= 32 && c < 127);
    }

    /** Control characters would be printer commands: they become spaces. */
    private static String printable(String line) {
        return line.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
