package com.instore.hub.identity;

/**
 * How a credential is stored and looked up: its kind and a value that reveals nothing by itself (a keyed hash of a card or
 * tag UID or of an NDEF text, or the random id of a phone key or of an NDEF member token).
 */
public record CredentialKey(String type, String hash) {
    public CredentialKey {
        if (type == null || type.isBlank() || type.length() > 16) {
            throw new IllegalArgumentException("credential type must be 1-16 characters, got " + type);
        }
        if (hash == null || hash.isBlank() || hash.length() > 64) {
            throw new IllegalArgumentException("credential hash must be 1-64 characters");
        }
    }

    /** Card UIDs and NDEF texts are clonable: they greet, they never prove presence. */
    public boolean weak() {
        return Kind.CARD_UID.equals(type) || Kind.NDEF_TEXT.equals(type);
    }

    /** The stored credential kinds. */
    public static final class Kind {
        public static final String CARD_UID = "CARD_UID";
        public static final String PHONE = "PHONE";
        public static final String SUN = "SUN";
        public static final String NDEF = "NDEF";
        public static final String NDEF_TEXT = "NDEF_TEXT";

        private Kind() {
        }
    }
}
