package com.instore.devices.printer;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * ESC/POS command bytes we use (Epson ESC/POS command reference; the usual 80 mm receipt printers follow it), shared by
 * the encoder and the simulated printer's parser.
 */
public final class EscPos {
    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    /** {@code ESC t 16}: character code table WPC1252 (Windows Latin-1: all French letters, the euro sign). */
    public static final int CODE_PAGE_WPC1252 = 16;
    /** Character code tables of {@code ESC t n} that the simulated printer understands. */
    public static final Map<Integer, Charset> CODE_PAGES = Map.of(
            0, Charset.forName("IBM437"),
            2, Charset.forName("IBM850"),
            16, Charset.forName("windows-1252"),
            19, Charset.forName("IBM00858"));

    /** {@code GS ( k} function codes for QR (cn = 49 '1'). */
    public static final int QR_MODEL = 65;
    public static final int QR_MODULE_SIZE = 67;
    public static final int QR_ERROR_CORRECTION = 69;
    public static final int QR_STORE = 80;
    public static final int QR_PRINT = 81;
    /** {@code GS k m}: barcode system CODE128 (format B data starts with "{B"). */
    public static final int BARCODE_CODE128 = 73;

    /** {@code DLE EOT n} requests: 1 printer status, 2 offline cause, 4 roll paper sensor. */
    public static final int STATUS_PRINTER = 1;
    public static final int STATUS_OFFLINE_CAUSE = 2;
    public static final int STATUS_PAPER = 4;

    /** Status bytes always have bit 1 and bit 4 set and bits 0 and 7 clear. */
    public static final int STATUS_FIXED_MASK = 0x93;
    public static final int STATUS_FIXED_BITS = 0x12;
    public static final int PRINTER_OFFLINE = 0x08;
    public static final int CAUSE_COVER_OPEN = 0x04;
    public static final int CAUSE_PAPER_END_STOP = 0x20;
    public static final int CAUSE_ERROR = 0x40;
    public static final int PAPER_NEAR_END = 0x0C;
    public static final int PAPER_END = 0x60;

    private EscPos() {
    }
}
