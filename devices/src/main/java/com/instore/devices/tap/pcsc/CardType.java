package com.instore.devices.tap.pcsc;

import java.util.Arrays;

/**
 * What a contactless card is, from the ATR the reader builds for it (PC/SC part 3, section 3.1.3.2.3): storage cards carry
 * the PC/SC RID A0 00 00 03 06 and a card name; anything else is an ISO 14443-4 card (a phone in HCE, a smart card).
 */
enum CardType {
    /** ISO 14443-4: talks APDUs; a phone answers SELECT of our AID. */
    ISO_DEP,
    /** NFC Forum Type 2 (MIFARE Ultralight, NTAG): NDEF by READ BINARY of pages. */
    TYPE2,
    /** Another storage card (MIFARE Classic, ...): only its UID is used. */
    OTHER_STORAGE;

    private static final byte[] PCSC_RID = {(byte) 0xA0, 0x00, 0x00, 0x03, 0x06};
    /** Card names of PC/SC part 3, supplement: 00 03 MIFARE Ultralight (also NTAG), 00 3A Ultralight C. */
    private static final int ULTRALIGHT = 0x0003;
    private static final int ULTRALIGHT_C = 0x003A;

    /** @param historical the ATR's historical bytes: 80 4F 0C RID(5) standard(1) card-name(2) RFU(4) for storage cards */
    static CardType fromHistoricalBytes(byte[] historical) {
        if (historical.length < 11 || (historical[1] & 0xFF) != 0x4F
                || !Arrays.equals(historical, 3, 8, PCSC_RID, 0, 5)) {
            return ISO_DEP;
        }
        int name = ((historical[9] & 0xFF) << 8) | (historical[10] & 0xFF);
        return name == ULTRALIGHT || name == ULTRALIGHT_C ? TYPE2 : OTHER_STORAGE;
    }
}
