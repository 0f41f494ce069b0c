package com.instore.hub.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The member token we write into an NDEF record ({@code instore.com:member}): {@code M1.<tokenId>.<mac>}, the MAC being
 * the first 16 bytes of HMAC-SHA256 (base64url) over {@code M1.<tokenId>} with a key derived from the store secret. Only
 * the hub can issue one; a token can be revoked by unlinking its id. Thread-safe.
 */
final class NdefToken {
    private static final Pattern FORMAT = Pattern.compile("M1\\.([0-9a-f]{32})\\.([A-Za-z0-9_-]{22})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    NdefToken(String storeSecret) {
        byte[] derived = hmac(new SecretKeySpec(storeSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "instore ndef member token key");
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    /** A new token: its id (the stored credential) and the text to write on the tag. */
    record Issued(String tokenId, String text) {
    }

    Issued issue() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String tokenId = HexFormat.of().formatHex(id);
        return new Issued(tokenId, "M1." + tokenId + "." + mac(tokenId));
    }

    static boolean looksLike(String value) {
        return value.strip().startsWith("M1.");
    }

    /** The token id when {@code value} is one of our tokens with a valid MAC. */
    Optional<String> verify(String value) {
        Matcher m = FORMAT.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        byte[] expected = mac(m.group(1)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(m.group(1)) : Optional.empty();
    }

    private String mac(String tokenId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac(key, "M1." + tokenId), 16));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
