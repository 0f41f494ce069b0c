package com.instore.devices.tap.ndef;

import com.instore.devices.tap.CardReadException;

import java.util.Arrays;

/**
 * Finds the NDEF message in the TLV area of an NFC Forum Type 2 tag (the bytes from page 4 on), so that a driver can read
 * only as many pages as the message needs. TLV types: 00 NULL (one byte, no length), 01 lock control, 02 memory control,
 * 03 NDEF message, FD proprietary, FE terminator. A length byte FF announces a 2-byte big-endian length.
 */
final class Type2Tlv {
    private static final int NULL_TLV = 0x00;
    private static final int NDEF_TLV = 0x03;
    private static final int TERMINATOR_TLV = 0xFE;

    private Type2Tlv() {
    }

    /** Result of a scan: {@code message} when found, else {@code needed} more bytes (total) or {@code absent}. */
    record Scan(byte[] message, int needed, boolean absent) {
        static Scan found(byte[] message) {
            return new Scan(message, 0, false);
        }

        static Scan needs(int total) {
            return new Scan(null, total, false);
        }

        static Scan none() {
            return new Scan(null, 0, true);
        }
    }

    /**
     * Scans {@code area}; when the NDEF TLV runs past its end, asks for the total number of bytes needed.
     *
     * @param capacity the tag's data area size from its capability container, the most that can ever be read
     * @throws CardReadException when a length runs past the tag's capacity (a broken TLV)
     */
    static Scan scan(byte[] area, int capacity) throws CardReadException {
        int pos = 0;
        while (pos < area.length) {
            int type = area[pos] & 0xFF;
            if (type == NULL_TLV) {
                pos++;
                continue;
            }
            if (type == TERMINATOR_TLV) {
                return Scan.none();
            }
            int headerEnd = headerEnd(area, pos);
            if (headerEnd > area.length) {
                return needs(headerEnd, capacity);
            }
            int end = headerEnd + length(area, pos);
            if (type == NDEF_TLV) {
                return end <= area.length ? Scan.found(Arrays.copyOfRange(area, headerEnd, end)) : needs(end, capacity);
            }
            pos = end;
        }
        return pos >= capacity ? Scan.none() : Scan.needs(Math.min(capacity, area.length + 16));
    }

    private static int headerEnd(byte[] area, int pos) {
        if (pos + 1 >= area.length) {
            return pos + 2;
        }
        return (area[pos + 1] & 0xFF) == 0xFF ? pos + 4 : pos + 2;
    }

    private static int length(byte[] area, int pos) {
        int first = area[pos + 1] & 0xFF;
        return first == 0xFF ? ((area[pos + 2] & 0xFF) << 8) | (area[pos + 3] & 0xFF) : first;
    }

    private static Scan needs(int total, int capacity) throws CardReadException {
        if (total > capacity) {
            throw new CardReadException("broken NDEF: TLV needs " + total + " bytes but the tag holds " + capacity);
        }
        return Scan.needs(total);
    }
}
