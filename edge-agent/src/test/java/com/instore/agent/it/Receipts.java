package com.instore.agent.it;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads back, with ZXing, the codes in the simulated printer's PNG receipts and in the screen's QR image. */
final class Receipts {
    private Receipts() {
    }

    /** The PNG receipts in {@code dir}, oldest first (empty when the directory does not exist yet). */
    static List<Path> in(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }

    /**
     * Every QR code and CODE128 barcode in the PNG, as "FORMAT:text", sorted; none while the printer is still writing the
     * file (it writes in place), so callers await.
     */
    static List<String> codes(Path png) {
        try {
            BufferedImage image = ImageIO.read(png.toFile());
            return image == null ? List.of() : codes(image);
        } catch (IOException stillBeingWritten) {
            return List.of();
        }
    }

    /** The codes in a {@code data:image/png;base64,...} URL. */
    static List<String> codesInDataUrl(String dataUrl) throws IOException {
        String base64 = dataUrl.substring(dataUrl.indexOf(',') + 1);
        return codes(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64))));
    }

    private static List<String> codes(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            Result[] results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, Map.of(
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128),
                    DecodeHintType.TRY_HARDER, true));
            return Arrays.stream(results).map(r -> r.getBarcodeFormat() + ":" + r.getText()).sorted().toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}
