package com.instore.devices.tap.pcsc;

import com.instore.devices.tap.CardReadException;

/** The APDU link to a presented card: a javax.smartcardio channel in production, a scripted card in tests. Blocking. */
@FunctionalInterface
interface ApduChannel {
    /** @return the raw response, data followed by the status word (may be shorter than 2 bytes, or null when the
     * transport could not keep so short an answer: that is for callers to judge) */
    byte[] transmit(byte[] command) throws CardReadException;
}
