package com.instore.hub.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token a linked phone answers at the reader: {@code P1.<credentialId>.<counter>.<signature>}, where the signature is
 * Ed25519 (base64url, no padding) over the ASCII text {@code P1.<credentialId>.<counter>} with the key registered when the
 * phone was linked. The counter rises with every tap; the hub accepts a counter only above the last one it accepted.
 */
final class PhoneToken {
    private static final Pattern FORMAT = Pattern.compile("P1\\.([0-9a-f]{32})\\.(\\d{1,18})\\.([A-Za-z0-9_-]{86})");
    /** DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private PhoneToken() {
    }

    /** A token taken apart; the signature is not checked yet. */
    record Parsed(String credentialId, long counter, byte[] signed, byte[] signature) {
    }

    static Optional<Parsed> parse(String value) {
        Matcher m = FORMAT.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String signed = "P1." + m.group(1) + "." + m.group(2);
        return Optional.of(new Parsed(m.group(1), Long.parseLong(m.group(2)), signed.getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(m.group(3))));
    }

    static boolean verify(Parsed token, String publicKeyBase64) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(publicKey(publicKeyBase64));
            ed.update(token.signed());
            return ed.verify(token.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Parses a registered key: X.509 SubjectPublicKeyInfo DER or the raw 32 bytes, base64 (standard or url-safe).
     *
     * @throws IllegalArgumentException when it is not an Ed25519 public key
     */
    static PublicKey publicKey(String base64) {
        byte[] bytes = decode(base64);
        if (bytes.length == 32) {
            byte[] der = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(bytes, 0, der, X509_PREFIX.length, 32);
            bytes = der;
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String base64) {
        String s = base64 == null ? "" : base64.strip();
        try {
            return s.indexOf('-') >= 0 || s.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(s)
                    : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not base64", e);
        }
    }
}
