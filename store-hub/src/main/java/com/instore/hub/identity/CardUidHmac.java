package com.instore.hub.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The only form in which a card UID is stored: HMAC-SHA256(store secret, normalised UID), lower-case hex. A UID is a short,
 * guessable serial; keyed hashing means a copy of the database alone cannot be matched against UIDs. Thread-safe.
 */
public final class CardUidHmac {
    private static final Pattern HEX = Pattern.compile("([0-9A-F]{2}){4,16}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:-]");

    private static final HexFormat HEX_FORMAT = HexFormat.of();

    private final SecretKeySpec key;
    /** A {@code Mac} per thread, initialised once: looking one up and keying it costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public CardUidHmac(String storeSecret) {
        this.key = new SecretKeySpec(storeSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Upper-case hex without separators ({@code 04:a2:2b} becomes {@code 04A22B}); empty when it is not a UID. */
    public static Optional<String> normalise(String uid) {
        if (uid == null) {
            return Optional.empty();
        }
        String hex = SEPARATORS.matcher(uid).replaceAll("").toUpperCase(Locale.ROOT);
        return HEX.matcher(hex).matches() ? Optional.of(hex) : Optional.empty();
    }

    /** The stored fingerprint of {@code uid}, empty when {@code uid} is not a card UID. */
    public Optional<String> hash(String uid) {
        return normalise(uid).map(this::hmacHex);
    }

    /** The keyed fingerprint of any other text (an NDEF text record that is not one of our tokens), lower-case hex. */
    public String text(String kind, String value) {
        return hmacHex(kind + ":" + value);
    }

    private String hmacHex(String normalisedUid) {
        // doFinal resets the Mac to its key: ready for the thread's next use
        return HEX_FORMAT.formatHex(macs.get().doFinal(normalisedUid.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
