package com.instore.devices.printer;

import java.util.Objects;

/**
 * How a print job ended.
 *
 * @param outcome PRINTED or FAILED
 * @param failure why it failed (null when printed)
 * @param detail  words for logs and the kiosk status
 */
public record PrintResult(Outcome outcome, Failure failure, String detail) {
    public PrintResult {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failed result, and only it, has a failure reason");
        }
        detail = detail == null ? "" : detail;
    }

    public static PrintResult printed() {
        return new PrintResult(Outcome.PRINTED, null, "");
    }

    public static PrintResult failed(Failure failure, String detail) {
        return new PrintResult(Outcome.FAILED, Objects.requireNonNull(failure, "failure"), detail);
    }

    public boolean isPrinted() {
        return outcome == Outcome.PRINTED;
    }

    public enum Outcome { PRINTED, FAILED }

    /** What the agent can act on: show the QR on screen, tell staff to refill paper or close the cover. */
    public enum Failure {
        NO_PAPER,
        COVER_OPEN,
        /** Unreachable, disconnected, or reporting itself offline. */
        OFFLINE,
        /** Anything else: the detail says what. */
        ERROR
    }
}
