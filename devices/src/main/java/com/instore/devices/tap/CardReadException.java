package com.instore.devices.tap;

import java.io.Serial;

/**
 * A card was there but what it answered is unusable: unexpected status word, truncated answer, broken NDEF, the card
 * left during the exchange. Drivers turn it into a {@link ReadFailure}; it never escapes a reader's thread.
 */
public final class CardReadException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public CardReadException(String message) {
        super(message);
    }

    public CardReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
