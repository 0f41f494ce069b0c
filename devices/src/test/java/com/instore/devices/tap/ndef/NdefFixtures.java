package com.instore.devices.tap.ndef;

import static com.instore.devices.Bytes.ascii;
import static com.instore.devices.Bytes.of;

/** NDEF messages used by several tests, commented field by field. */
final class NdefFixtures {
    static final String TOKEN = "m1.42.7.5c1f0e9a";

    /** One record: our member external type carrying the token. */
    static final byte[] MEMBER = of(
            "D4",                           // header: MB=1 ME=1 CF=0 SR=1 IL=0, TNF=4 (NFC Forum external type)
            "12",                           // type length: 18
            "10",                           // payload length: 16
            ascii("instore.com:member"),    // type
            ascii(TOKEN));                  // payload: the member token

    /** Two records: a URI, then a Text ("Carte fidélité" in UTF-8). */
    static final byte[] URI_THEN_TEXT = of(
            "91",                           // header: MB=1 ME=0 SR=1, TNF=1 (well-known)
            "01",                           // type length: 1
            "13",                           // payload length: 19
            ascii("U"),                     // type: URI
            "04",                           // URI prefix code 4: "https://"
            ascii("instore.example/42"),    // rest of the URI (18 bytes)
            "51",                           // header: MB=0 ME=1 SR=1, TNF=1 (well-known)
            "01",                           // type length: 1
            "13",                           // payload length: 19
            ascii("T"),                     // type: Text
            "02",                           // status: UTF-8, language code length 2
            ascii("fr"),                    // language
            "43 61 72 74 65 20 66 69 64 C3 A9 6C 69 74 C3 A9"); // "Carte fidélité" in UTF-8

    /** A record header that promises 200 payload bytes and has 3. */
    static final byte[] TRUNCATED = of(
            "D1",                           // header: MB=1 ME=1 SR=1, TNF=1 (well-known)
            "01",                           // type length: 1
            "C8",                           // payload length: 200 (a lie)
            ascii("T"),                     // type: Text
            "02 66 72");                    // status + "fr", then nothing

    private NdefFixtures() {
    }
}
