package com.instore.hub.join;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The token of a member's manage link, derived from the tap that showed it: the tap id's 16 bytes and the first 16 bytes
 * of their HMAC-SHA256 under a key derived from the store secret, 43 characters of base64url like a random token. Handing
 * one out writes nothing (the tap's row says whose it is and since when); only the holder of the store secret can make
 * one. Thread-safe.
 */
final class ManageTokens {
    private static final int HALF = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    /** A keyed {@code Mac} per thread: keying one costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    ManageTokens(String storeSecret) {
        SecretKeySpec secret = new SecretKeySpec(storeSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.key = new SecretKeySpec(hmac(secret, "manage links".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** The token for a tap, empty when its id is not a UUID in canonical form (such a tap gets a stored link). */
    Optional<String> of(String tapId) {
        UUID id;
        try {
            id = UUID.fromString(tapId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!id.toString().equals(tapId)) {
            return Optional.empty();
        }
        byte[] idBytes = ByteBuffer.allocate(HALF).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
        byte[] token = Arrays.copyOf(idBytes, 2 * HALF);
        System.arraycopy(macs.get().doFinal(idBytes), 0, token, HALF, HALF);
        return Optional.of(ENCODER.encodeToString(token));
    }

    /** The tap whose manage link {@code token} is, empty when it is not one of ours. */
    Optional<String> tapId(String token) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != 2 * HALF || !ENCODER.encodeToString(bytes).equals(token)) { // one spelling per token
            return Optional.empty();
        }
        byte[] idBytes = Arrays.copyOf(bytes, HALF);
        byte[] mac = Arrays.copyOf(macs.get().doFinal(idBytes), HALF);
        if (!MessageDigest.isEqual(mac, Arrays.copyOfRange(bytes, HALF, 2 * HALF))) {
            return Optional.empty();
        }
        ByteBuffer id = ByteBuffer.wrap(idBytes);
        return Optional.of(new UUID(id.getLong(), id.getLong()).toString());
    }

    private Mac newMac() {
        return mac(key);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        return mac(key).doFinal(data);
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
