package com.instore.protocol;

/** A payload that is not a valid message: the reason says what is wrong in words fit for a log line. */
public final class InvalidMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    InvalidMessageException(Reason reason, String detail, Throwable cause) {
        super(reason.label + ": " + detail, cause);
        this.reason = reason;
    }

    /** A short, fixed label usable as a metric tag. */
    public Reason reason() {
        return reason;
    }

    /** Kinds of invalid input, each a metric tag value. */
    public enum Reason {
        EMPTY("empty payload"),
        TOO_LARGE("payload too large"),
        NOT_JSON("not JSON"),
        INVALID("invalid message");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
