package com.instore.hub.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * An NTAG 424 DNA Secure Unique NFC message (NXP AN12196) as the tag mirrors it into its NDEF URL, in either form:
 * encrypted PICC data ({@code picc_data=} or {@code e=}, 16 bytes hex, AES with the SDMMetaReadKey) or plain mirroring
 * ({@code uid=} 7 bytes hex and {@code ctr=} 3 bytes hex, most significant first), each with {@code cmac=} or {@code c=}
 * (8 bytes hex). The CMAC is checked the AN12196 way: session key = CMAC(SDMFileReadKey, 3CC3 0001 0080 || UID ||
 * counter LSB first), MAC = CMAC(session key, empty input), truncated to its odd-indexed bytes.
 */
final class SunMessage {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SV2_PREFIX = HEX.parseHex("3CC300010080");

    /** A message whose CMAC verified: the tag's UID and its tap counter. */
    record Verified(byte[] uid, int counter) {
        String uidHex() {
            return HEX.withUpperCase().formatHex(uid);
        }
    }

    private SunMessage() {
    }

    /** Whether {@code value} looks like a SUN message (it has SUN parameters), verified or not. */
    static boolean looksLike(String value) {
        Map<String, String> p = params(value);
        return p.containsKey("cmac") && (p.containsKey("picc_data") || p.containsKey("uid") && p.containsKey("ctr"));
    }

    /**
     * Verifies a message; empty when it is malformed or its CMAC is wrong.
     *
     * @param metaKey the SDMMetaReadKey, needed for the encrypted form only (may be null)
     * @param fileKey the SDMFileReadKey
     */
    static Optional<Verified> verify(String value, byte[] metaKey, byte[] fileKey) {
        Map<String, String> p = params(value);
        try {
            Optional<Verified> read = p.containsKey("picc_data") ? decrypt(p.get("picc_data"), metaKey)
                    : plain(p.get("uid"), p.get("ctr"));
            byte[] mac = HEX.parseHex(p.getOrDefault("cmac", ""));
            return read.filter(v -> mac.length == 8 && MessageDigest.isEqual(mac, sdmMac(fileKey, v)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The 8-byte SDMMAC a genuine tag with {@code fileKey} writes for this UID and counter. */
    static byte[] sdmMac(byte[] fileKey, Verified tag) {
        byte[] sv2 = new byte[16];
        System.arraycopy(SV2_PREFIX, 0, sv2, 0, 6);
        System.arraycopy(tag.uid(), 0, sv2, 6, 7);
        sv2[13] = (byte) tag.counter();
        sv2[14] = (byte) (tag.counter() >>> 8);
        sv2[15] = (byte) (tag.counter() >>> 16);
        byte[] full = AesCmac.mac(AesCmac.mac(fileKey, sv2), new byte[0]);
        byte[] truncated = new byte[8];
        for (int i = 0; i < 8; i++) {
            truncated[i] = full[2 * i + 1];
        }
        return truncated;
    }

    private static Optional<Verified> decrypt(String piccHex, byte[] metaKey) {
        byte[] enc = HEX.parseHex(piccHex);
        if (metaKey == null || enc.length != 16) {
            return Optional.empty();
        }
        byte[] plain = aesDecryptBlock(metaKey, enc);
        int tag = plain[0] & 0xFF;
        boolean uidMirrored = (tag & 0x80) != 0;
        boolean counterMirrored = (tag & 0x40) != 0;
        if (!uidMirrored || !counterMirrored || (tag & 0x0F) != 7) {
            return Optional.empty();
        }
        byte[] uid = java.util.Arrays.copyOfRange(plain, 1, 8);
        int counter = (plain[8] & 0xFF) | (plain[9] & 0xFF) << 8 | (plain[10] & 0xFF) << 16;
        return Optional.of(new Verified(uid, counter));
    }

    private static Optional<Verified> plain(String uidHex, String counterHex) {
        byte[] uid = HEX.parseHex(uidHex);
        byte[] ctr = HEX.parseHex(counterHex);
        if (uid.length != 7 || ctr.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new Verified(uid, (ctr[0] & 0xFF) << 16 | (ctr[1] & 0xFF) << 8 | ctr[2] & 0xFF));
    }

    /** One block, AES-CBC with a zero IV as AN12196 says, which for a single block is plain AES decryption. */
    private static byte[] aesDecryptBlock(byte[] key, byte[] block) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt the PICC data: " + e.getMessage(), e);
        }
    }

    /** Query parameters by their long names ({@code e} is picc_data, {@code c} is cmac), names lower case. */
    static Map<String, String> params(String value) {
        String query = value.contains("?") ? value.substring(value.indexOf('?') + 1) : value;
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                params.put(switch (name) {
                    case "e" -> "picc_data";
                    case "c" -> "cmac";
                    default -> name;
                }, pair.substring(eq + 1).strip());
            }
        }
        return params;
    }
}
