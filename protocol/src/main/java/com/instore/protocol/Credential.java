package com.instore.protocol;

/** What a reader got from a shopper's card, tag or phone (DESIGN.md section 5). */
public record Credential(Type type, String value) {
    public Credential {
        Check.present(type, "credential.type");
        Check.text(value, "credential.value", 2048);
    }

    /** Kinds of credential, weakest first. */
    public enum Type {
        /** MIFARE / NTAG serial number, hex. Clonable: greets, never unlocks value. */
        CARD_UID,
        /** A member record read from an NDEF message (a signed token). */
        NDEF,
        /** A phone using host card emulation, answering a signed token with a counter. */
        PHONE,
        /** NTAG 424 DNA secure unique NFC message: UID, counter and AES-CMAC. */
        SUN
    }
}
