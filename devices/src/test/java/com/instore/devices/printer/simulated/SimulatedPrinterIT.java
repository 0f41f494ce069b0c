package com.instore.devices.printer.simulated;

import com.instore.devices.DeviceStatus;
import com.instore.devices.printer.PrintResult;
import com.instore.devices.printer.Printer;
import com.instore.devices.printer.Printers;
import com.instore.devices.printer.QrImages;
import com.instore.devices.printer.Receipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulated printer over real loopback TCP: the same bytes a network printer would get. */
class SimulatedPrinterIT {
    private static final String COUPON_URL = "https://instore.example/c/CPN-0042";

    @TempDir
    Path receipts;
    private SimulatedPrinter printer;

    private static Receipt coupon() {
        return Receipt.builder()
                .align(Receipt.Align.CENTER).large("Bonjour Zoé")
                .align(Receipt.Align.LEFT).text("Café crème offert à 2,50 €").bold("Valable jusqu'au 31/12")
                .qr(COUPON_URL, Receipt.ErrorCorrection.M, 6)
                .barcode("CPN-0042")
                .feed(2)
                .cut()
                .build();
    }

    @AfterEach
    void stop() {
        if (printer != null) {
            printer.close();
        }
    }

    @Test
    void coupon_isRenderedAsPng_whoseQrAndBarcodeReadBack() throws Exception {
        printer = SimulatedPrinter.start(0, receipts);
        assertThat(printer.print(coupon())).isEqualTo(PrintResult.printed());

        await().until(() -> printer.images().size() == 1);
        Path png = printer.images().getFirst();
        assertThat(png.getParent()).isEqualTo(receipts);
        assertThat(printer.printed()).containsExactly(coupon());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(576);
        assertThat(QrImages.decode(png)).containsExactly("CODE_128:CPN-0042", "QR_CODE:" + COUPON_URL);
    }

    @Test
    void noPaper_failsCleanly_andNothingIsPrinted() {
        printer = SimulatedPrinter.start(0, receipts);
        printer.setPaper(SimulatedPrinter.Paper.OUT);

        PrintResult result = printer.print(coupon());

        assertThat(result.failure()).isEqualTo(PrintResult.Failure.NO_PAPER);
        assertThat(result.detail()).isEqualTo("paper out");
        assertThat(printer.status()).isEqualTo(DeviceStatus.offline("paper out"));
        assertThat(printer.images()).isEmpty();
    }

    @Test
    void paperNearEnd_stillPrints_andHealthIsDegraded() {
        printer = SimulatedPrinter.start(0, receipts);
        printer.setPaper(SimulatedPrinter.Paper.NEAR_END);
        assertThat(printer.status()).isEqualTo(DeviceStatus.degraded("paper near end"));
        assertThat(printer.print(coupon()).isPrinted()).isTrue();
        await().until(() -> printer.images().size() == 1);
    }

    @Test
    void coverOpen_failsWithCoverOpen() {
        printer = SimulatedPrinter.start(0, receipts);
        printer.setCoverOpen(true);
        assertThat(printer.print(coupon()).failure()).isEqualTo(PrintResult.Failure.COVER_OPEN);
        printer.setCoverOpen(false);
        assertThat(printer.status()).isEqualTo(DeviceStatus.online("ready"));
    }

    @Test
    void factorySpec_simulated_buildsOneWritingToTheGivenDirectory() {
        try (Printer built = Printers.create("simulated?dir=" + receipts)) {
            assertThat(built).isInstanceOf(SimulatedPrinter.class);
            assertThat(built.print(coupon()).isPrinted()).isTrue();
            await().until(() -> ((SimulatedPrinter) built).images().size() == 1);
            assertThat(((SimulatedPrinter) built).images().getFirst().getParent()).isEqualTo(receipts);
        }
    }
}
