package com.instore.devices.tap.pcsc;

import com.instore.devices.tap.CardReadException;

import java.util.Arrays;

/** A response APDU split into data and status word, with the checks every exchange needs. */
record ApduResponse(byte[] data, int sw) {
    static final int SW_OK = 0x9000;

    /**
     * @param raw the answer; null when the transport saw an answer too short to keep (the JDK drops those)
     * @throws CardReadException when the answer is too short to hold a status word
     */
    static ApduResponse parse(String step, byte[] raw) throws CardReadException {
        if (raw == null) {
            throw new CardReadException(step + ": answer truncated (no status word)");
        }
        if (raw.length < 2) {
            throw new CardReadException(step + ": answer truncated (" + raw.length + " byte" + (raw.length == 1 ? "" : "s")
                    + ", no status word)");
        }
        int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
        return new ApduResponse(Arrays.copyOf(raw, raw.length - 2), sw);
    }

    static ApduResponse exchange(ApduChannel channel, String step, byte[] command) throws CardReadException {
        return parse(step, channel.transmit(command));
    }

    boolean ok() {
        return sw == SW_OK;
    }

    /** @throws CardReadException unless the status word is 9000 */
    ApduResponse requireOk(String step) throws CardReadException {
        if (!ok()) {
            throw new CardReadException(step + ": unexpected status word " + swHex());
        }
        return this;
    }

    String swHex() {
        return String.format("%04X", sw);
    }
}
