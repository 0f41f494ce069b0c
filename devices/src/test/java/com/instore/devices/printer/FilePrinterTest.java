package com.instore.devices.printer;

import com.instore.devices.DeviceStatus;
import com.instore.devices.printer.simulated.EscPosParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilePrinterTest {
    @TempDir
    Path dir;

    @Test
    void deviceFile_receivesTheJob_andStatusIsUnknown() throws Exception {
        Path lp0 = Files.createFile(dir.resolve("lp0"));
        Receipt receipt = Receipt.builder().text("Merci !").cut().build();
        try (Printer printer = Printers.create("file:" + lp0)) {
            assertThat(printer.print(receipt).isPrinted()).isTrue();
            assertThat(EscPosParser.parseAll(Files.readAllBytes(lp0))).containsExactly(receipt);
            assertThat(printer.status()).isEqualTo(DeviceStatus.degraded("status not available over this transport"));
        }
    }

    @Test
    void missingDevice_failsOffline() {
        try (Printer printer = Printers.create("file:" + dir.resolve("lp9"))) {
            PrintResult result = printer.print(Receipt.builder().text("x").build());
            assertThat(result.failure()).isEqualTo(PrintResult.Failure.OFFLINE);
            assertThat(result.detail()).startsWith("no such device");
        }
    }

    @Test
    void unknownSpec_listsTheSupportedForms() {
        assertThatThrownBy(() -> Printers.create("usb:epson"))
                .hasMessageContaining("supported are tcp://host:9100, file:/dev/usb/lp0, serial:/dev/ttyUSB0?baud=19200");
    }
}
