package com.instore.agent.printer;

import com.instore.devices.printer.Receipt;
import com.instore.protocol.PrintJob;
import com.instore.protocol.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CouponReceiptTest {
    @Test
    void job_becomesHeaderLinesDoubleSizeCodeQrBarcodeAndCut() {
        Receipt receipt = CouponReceipt.of(job("CPN-7F3K", List.of("2-for-1 espresso", "Valid until Sunday")),
                "Demo Store");

        List<Receipt.Element> e = receipt.elements();
        assertThat(e.getFirst()).isEqualTo(new Receipt.Text("Demo Store", true, false, Receipt.Align.CENTER));
        assertThat(e).contains(new Receipt.Text("2-for-1 espresso", false, false, Receipt.Align.LEFT),
                new Receipt.Text("Valid until Sunday", false, false, Receipt.Align.LEFT),
                new Receipt.Text("CPN-7F3K", true, true, Receipt.Align.CENTER),
                new Receipt.Qr("https://hub.local/c/CPN-7F3K", Receipt.ErrorCorrection.Q, 6),
                new Receipt.Barcode("CPN-7F3K"));
        assertThat(e.getLast()).isInstanceOf(Receipt.Cut.class);
    }

    @Test
    void linesWithBreaksOrControlCharacters_areSplitAndCleaned() {
        Receipt receipt = CouponReceipt.of(job("CPN-1", List.of("one\ntwo", "bell\u0007here")), "Store");

        assertThat(receipt.elements()).contains(new Receipt.Text("one", false, false, Receipt.Align.LEFT),
                new Receipt.Text("two", false, false, Receipt.Align.LEFT),
                new Receipt.Text("bell here", false, false, Receipt.Align.LEFT));
    }

    @Test
    void codeThatCode128CannotHold_getsNoBarcode() {
        Receipt receipt = CouponReceipt.of(job("CAFÉ-1", List.of()), "Store");

        assertThat(receipt.elements()).noneMatch(Receipt.Barcode.class::isInstance);
        assertThat(receipt.elements()).anyMatch(Receipt.Qr.class::isInstance);
    }

    static PrintJob job(String code, List<String> lines) {
        return new PrintJob(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "entrance",
                UUID.randomUUID().toString(), code, "https://hub.local/c/" + code, lines);
    }
}
