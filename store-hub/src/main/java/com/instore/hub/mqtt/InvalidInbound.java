package com.instore.hub.mqtt;

import com.instore.protocol.InvalidMessageException;

/** An inbound message the hub drops: {@link #reason()} is a short metric tag, the message says why in words. */
public final class InvalidInbound extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public InvalidInbound(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** Wraps a protocol decoding failure, keeping its reason tag ({@code not_json}, {@code invalid}, ...). */
    public static InvalidInbound of(InvalidMessageException e) {
        return new InvalidInbound(e.reason().tag(), e.getMessage());
    }

    /** The payload names another kiosk than the topic it was published on. */
    public static InvalidInbound mismatch(String inPayload, String inTopic) {
        return new InvalidInbound("kiosk_mismatch", "payload kioskId '" + inPayload + "' on the topic of '" + inTopic + "'");
    }

    /** The topic's kiosk is not declared in the store file. */
    public static InvalidInbound unknownKiosk(Object kiosk) {
        return new InvalidInbound("unknown_kiosk", "kiosk " + kiosk + " is not declared in the store file");
    }

    public String reason() {
        return reason;
    }
}
