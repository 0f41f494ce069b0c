package com.instore.devices.tap.ndef;

import com.instore.devices.tap.CardReadException;

/**
 * Checks the record framing of an NDEF message before nfctools decodes it: nfctools reads past a lying length without
 * complaint, and a tag with a torn write must give a clear error instead of a half record.
 */
final class NdefStructure {
    private static final int MB = 0x80;
    private static final int ME = 0x40;
    private static final int CF = 0x20;
    private static final int SR = 0x10;
    private static final int IL = 0x08;

    private NdefStructure() {
    }

    static void check(byte[] message) throws CardReadException {
        int pos = 0;
        for (int index = 1; ; index++) {
            int header = byteAt(message, pos, index);
            if (index == 1 && (header & MB) == 0) {
                throw new CardReadException("broken NDEF: first record lacks the Message Begin flag");
            }
            if ((header & CF) != 0) {
                throw new CardReadException("broken NDEF: chunked records are not supported");
            }
            pos = recordEnd(message, pos, header, index);
            if ((header & ME) != 0) {
                return;
            }
        }
    }

    private static int recordEnd(byte[] message, int pos, int header, int index) throws CardReadException {
        int typeLength = byteAt(message, pos + 1, index);
        int cursor = pos + 2;
        long payloadLength;
        if ((header & SR) != 0) {
            payloadLength = byteAt(message, cursor++, index);
        } else {
            payloadLength = 0;
            for (int i = 0; i < 4; i++) {
                payloadLength = (payloadLength << 8) | byteAt(message, cursor++, index);
            }
        }
        int idLength = (header & IL) != 0 ? byteAt(message, cursor++, index) : 0;
        long end = cursor + typeLength + idLength + payloadLength;
        if (end > message.length) {
            throw new CardReadException("broken NDEF: record " + index + " declares " + payloadLength
                    + " payload bytes but the message ends " + (end - message.length) + " bytes short");
        }
        return (int) end;
    }

    private static int byteAt(byte[] message, int pos, int index) throws CardReadException {
        if (pos >= message.length) {
            throw new CardReadException("broken NDEF: record " + index + " is cut off after " + message.length
                    + " bytes (no Message End record)");
        }
        return message[pos] & 0xFF;
    }
}
