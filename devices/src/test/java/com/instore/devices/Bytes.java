package com.instore.devices;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds byte fixtures from commented parts: hex strings (spaces allowed) and byte arrays. */
public final class Bytes {
    private Bytes() {
    }

    public static byte[] of(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            switch (part) {
                case String hex -> out.writeBytes(HexFormat.of().parseHex(hex.replace(" ", "")));
                case byte[] bytes -> out.writeBytes(bytes);
                default -> throw new IllegalArgumentException("not a fixture part: " + part);
            }
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
