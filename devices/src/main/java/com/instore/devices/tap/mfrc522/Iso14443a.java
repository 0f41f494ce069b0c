package com.instore.devices.tap.mfrc522;

import com.instore.devices.tap.CardReadException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * ISO/IEC 14443-3 type A card activation through the MFRC522: REQA, then anticollision and SELECT per cascade level (a
 * 4-byte UID takes one level, a 7-byte UID two, a 10-byte UID three), then HLTA so that a card held on the reader stays
 * quiet until it leaves the field. Blocking; one thread at a time.
 */
final class Iso14443a {
    private static final byte REQA = 0x26;
    private static final byte[] SEL = {(byte) 0x93, (byte) 0x95, (byte) 0x97};
    private static final byte NVB_ANTICOLLISION = 0x20; // 2 bytes sent: ask for the whole UID part
    private static final byte NVB_SELECT = 0x70;        // 7 bytes sent: UID part + BCC
    private static final int CASCADE_TAG = 0x88;
    private static final int SAK_UID_INCOMPLETE = 0x04;

    private final Mfrc522 chip;

    Iso14443a(Mfrc522 chip) {
        this.chip = chip;
    }

    /** An activated card: its UID and SAK (select acknowledge: 0x00 for Type 2 tags, 0x08 MIFARE Classic 1K, ...). */
    record Activated(byte[] uid, int sak) {
    }

    /**
     * @return the card in the field, activated; empty when no card answers REQA
     * @throws CardReadException when the card leaves halfway or answers inconsistently
     * @throws IOException       on an SPI or chip failure
     */
    Optional<Activated> activate() throws CardReadException, IOException {
        Mfrc522.Frame atqa = chip.transceive(new byte[]{REQA}, 7);
        if (atqa == null) {
            return Optional.empty();
        }
        if (atqa.bytes().length != 2) {
            throw new CardReadException("ATQA of " + atqa.bytes().length + " bytes instead of 2");
        }
        ByteArrayOutputStream uid = new ByteArrayOutputStream();
        for (int level = 0; level < SEL.length; level++) {
            byte[] part = anticollision(level);
            int sak = select(level, part);
            boolean complete = (sak & SAK_UID_INCOMPLETE) == 0;
            if (!complete && (part[0] & 0xFF) != CASCADE_TAG) {
                throw new CardReadException("SAK says UID incomplete but level " + (level + 1) + " has no cascade tag");
            }
            uid.write(part, complete ? 0 : 1, complete ? 4 : 3);
            if (complete) {
                return Optional.of(new Activated(uid.toByteArray(), sak));
            }
        }
        throw new CardReadException("UID longer than three cascade levels");
    }

    /** HLTA: the card goes quiet until it leaves the field. No answer is the expected answer. */
    void halt() throws IOException {
        chip.transceive(withCrc(new byte[]{0x50, 0x00}), 0);
    }

    private byte[] anticollision(int level) throws CardReadException, IOException {
        Mfrc522.Frame answer = chip.transceive(new byte[]{SEL[level], NVB_ANTICOLLISION}, 0);
        if (answer == null) {
            throw new CardReadException("the card left during anticollision (cascade level " + (level + 1) + ")");
        }
        byte[] b = answer.bytes();
        if (b.length != 5) {
            throw new CardReadException("anticollision answer of " + b.length + " bytes instead of 5 (UID part + BCC)");
        }
        if ((b[0] ^ b[1] ^ b[2] ^ b[3] ^ b[4]) != 0) {
            throw new CardReadException("UID check byte (BCC) wrong at cascade level " + (level + 1));
        }
        return b;
    }

    private int select(int level, byte[] partWithBcc) throws CardReadException, IOException {
        byte[] frame = new byte[7];
        frame[0] = SEL[level];
        frame[1] = NVB_SELECT;
        System.arraycopy(partWithBcc, 0, frame, 2, 5);
        Mfrc522.Frame answer = chip.transceive(withCrc(frame), 0);
        if (answer == null) {
            throw new CardReadException("the card left during SELECT (cascade level " + (level + 1) + ")");
        }
        byte[] b = answer.bytes();
        if (b.length != 3 || !Arrays.equals(withCrc(new byte[]{b[0]}), b)) {
            throw new CardReadException("SAK answer garbled at cascade level " + (level + 1));
        }
        return b[0] & 0xFF;
    }

    /** Appends CRC_A (ISO 14443-3 annex B: initial value 6363, reflected polynomial 8408, low byte first). */
    static byte[] withCrc(byte[] data) {
        int crc = 0x6363;
        for (byte value : data) {
            int b = (value ^ crc) & 0xFF;
            b = (b ^ (b << 4)) & 0xFF;
            crc = (crc >> 8) ^ (b << 8) ^ (b << 3) ^ (b >> 4);
        }
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) crc;
        out[data.length + 1] = (byte) (crc >> 8);
        return out;
    }
}
