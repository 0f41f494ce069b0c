package com.instore.devices.printer;

import com.instore.devices.Bytes;
import com.instore.devices.printer.simulated.EscPosParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.instore.devices.Bytes.ascii;
import static org.assertj.core.api.Assertions.assertThat;

class EscPosEncoderTest {
    @Test
    void frenchText_isSentInCodePage1252_withBoldAndDoubleSize() {
        Receipt receipt = Receipt.builder().large("Café").bold("2,50 €").cut().build();
        assertThat(EscPosEncoder.encode(receipt)).isEqualTo(Bytes.of(
                "1B 40",                // ESC @: initialise
                "1B 74 10",             // ESC t 16: code page WPC1252
                "1B 61 00",             // ESC a 0: align left
                "1B 45 01",             // ESC E 1: bold on
                "1D 21 11",             // GS ! 0x11: double width and height
                ascii("Caf"), "E9",     // "Café": é is E9 in 1252
                "0A",                   // LF
                "1B 61 00",             // ESC a 0: align left
                "1B 45 01",             // ESC E 1: bold on
                "1D 21 00",             // GS ! 0: normal size
                ascii("2,50 "), "80",   // "2,50 €": € is 80 in 1252
                "0A",                   // LF
                "1D 56 42 00"));        // GS V 66 0: feed to the cutter, partial cut
    }

    @Test
    void qr_usesThePrintersOwnCommands_withErrorCorrectionSet() {
        Receipt receipt = Receipt.builder().qr("C-42", Receipt.ErrorCorrection.Q, 5).build();
        assertThat(EscPosEncoder.encode(receipt)).isEqualTo(Bytes.of(
                "1B 40", "1B 74 10",                    // initialise, code page
                "1B 61 01",                             // ESC a 1: centre
                "1D 28 6B 04 00 31 41 32 00",           // GS ( k, pL pH = 4, cn 49, fn 65: model 2
                "1D 28 6B 03 00 31 43 05",              // fn 67: module size 5 dots
                "1D 28 6B 03 00 31 45 32",              // fn 69: error correction 50 = Q
                "1D 28 6B 07 00 31 50 30", ascii("C-42"), // fn 80: store, m = 48, then the 4 data bytes
                "1D 28 6B 03 00 31 51 30",              // fn 81: print the stored symbol
                "0A"));                                 // LF
    }

    @Test
    void barcode_isCode128SetB_withTextBelow() {
        Receipt receipt = Receipt.builder().barcode("CPN-0042").build();
        assertThat(EscPosEncoder.encode(receipt)).isEqualTo(Bytes.of(
                "1B 40", "1B 74 10",                    // initialise, code page
                "1B 61 01",                             // ESC a 1: centre
                "1D 48 02",                             // GS H 2: text below the bars
                "1D 68 50",                             // GS h 80: 80 dots high
                "1D 77 02",                             // GS w 2: 2-dot narrow bar
                "1D 6B 49 0A", ascii("{BCPN-0042"),     // GS k 73 (CODE128), 10 bytes: "{B" + data
                "0A"));                                 // LF
    }

    @Test
    void everyElement_survivesEncodingAndParsing() throws Exception {
        Receipt receipt = Receipt.builder()
                .align(Receipt.Align.CENTER).large("Bienvenue Zoé !")
                .align(Receipt.Align.LEFT).text("Crème brûlée offerte").bold("Valable jusqu'au 31/12")
                .text("")
                .qr("https://instore.example/c/CPN-0042", Receipt.ErrorCorrection.H, 6)
                .barcode("CPN-0042")
                .feed(3)
                .cut()
                .build();
        List<Receipt> parsed = EscPosParser.parseAll(EscPosEncoder.encode(receipt));
        assertThat(parsed).containsExactly(receipt);
    }
}
