package com.instore.hub.actions;

import com.instore.protocol.PrintJob;
import com.instore.protocol.ScreenUpdate;

import java.util.Optional;

/** What an action leads to once committed: a new screen for the tap, a coupon to print, and the outcome for metrics. */
record Effects(String outcome, Optional<ScreenUpdate> screen, Optional<PrintJob> print) {
    static Effects refused(String outcome) {
        return new Effects(outcome, Optional.empty(), Optional.empty());
    }

    static Effects screen(ScreenUpdate update) {
        return new Effects("done", Optional.of(update), Optional.empty());
    }
}
