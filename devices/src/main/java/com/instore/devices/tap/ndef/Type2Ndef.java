package com.instore.devices.tap.ndef;

import com.instore.devices.tap.CardReadException;
import com.instore.devices.tap.Credential;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the NDEF message of an NFC Forum Type 2 tag (MIFARE Ultralight, NTAG21x) page by page and turns it into a
 * credential. Blocking; reads only the pages the message needs (a tap must stay fast).
 */
public final class Type2Ndef {
    private static final int CC_PAGE = 3;
    private static final int FIRST_DATA_PAGE = 4;
    private static final int CC_MAGIC = 0xE1;

    private Type2Ndef() {
    }

    /**
     * @return the credential in the tag's NDEF message; empty when the tag is not NDEF-formatted, holds no NDEF message or
     * no record we use
     * @throws CardReadException when a read fails or the NDEF data is broken
     */
    public static Optional<Credential> read(PageReader tag) throws CardReadException {
        byte[] cc = tag.readFourPages(CC_PAGE);
        if (cc.length != 16 || (cc[0] & 0xFF) != CC_MAGIC) {
            return Optional.empty();
        }
        int capacity = (cc[2] & 0xFF) * 8;
        Optional<byte[]> message = message(tag, capacity, Arrays.copyOfRange(cc, 4, cc.length));
        return message.isEmpty() ? Optional.empty() : NdefCredentials.fromMessage(message.get());
    }

    /** @param start the data area bytes that came with the capability container's read (pages 4 to 6) */
    private static Optional<byte[]> message(PageReader tag, int capacity, byte[] start) throws CardReadException {
        ByteArrayOutputStream area = new ByteArrayOutputStream();
        area.writeBytes(start);
        while (true) {
            Type2Tlv.Scan scan = Type2Tlv.scan(area.toByteArray(), capacity);
            if (scan.absent()) {
                return Optional.empty();
            }
            if (scan.message() != null) {
                return Optional.of(scan.message());
            }
            while (area.size() < scan.needed()) {
                byte[] pages = tag.readFourPages(FIRST_DATA_PAGE + area.size() / 4);
                if (pages.length != 16) {
                    throw new CardReadException("READ answered " + pages.length + " bytes instead of 16");
                }
                area.writeBytes(pages);
            }
        }
    }
}
