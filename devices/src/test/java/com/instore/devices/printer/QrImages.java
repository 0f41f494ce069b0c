package com.instore.devices.printer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads back, with ZXing, the codes drawn in a rendered receipt. */
public final class QrImages {
    private QrImages() {
    }

    /** Every QR code and CODE128 barcode found in the PNG, as "FORMAT:text". */
    public static List<String> decode(Path png) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(png.toFile()))));
        MultiFormatReader reader = new MultiFormatReader();
        Result[] results = new GenericMultipleBarcodeReader(reader).decodeMultiple(bitmap, Map.of(
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128),
                DecodeHintType.TRY_HARDER, true));
        return Arrays.stream(results).map(r -> r.getBarcodeFormat() + ":" + r.getText()).sorted().toList();
    }
}
