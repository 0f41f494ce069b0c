package com.instore.agent.link;

import java.util.HashSet;
import java.util.Set;

/**
 * The two confirmations a kept tap waits for, for the {@link PendingTaps} implementations: the broker's PUBACK (for any
 * of its publishes) and the hub's answer; it may leave with the second, neither is enough alone. A broker's PUBACK is
 * not the hub's (see {@link Unanswered}). And the hub may answer before the tap is on its disk ({@code hub.taps.answer:
 * at-commit}), its own broker sending the PUBACK only once it is: a tap answered but not acknowledged (the hub lost power
 * in between, or the connection dropped) is sent again, and the hub finds it or records it then. Only ids of kept taps
 * may be given (each is forgotten once both confirmations are in). Not thread-safe: the owner's lock guards it.
 */
public final class Confirmations {
    private final Set<String> acknowledged = new HashSet<>();
    private final Set<String> answered = new HashSet<>();

    /** A broker's PUBACK for the tap; true when its answer came already, so it may leave now. */
    public boolean acknowledged(String tapId) {
        if (answered.remove(tapId)) {
            return true;
        }
        acknowledged.add(tapId);
        return false;
    }

    /** The hub's answer for the tap; true when a PUBACK came already, so it may leave now. */
    public boolean answered(String tapId) {
        if (acknowledged.remove(tapId)) {
            return true;
        }
        answered.add(tapId);
        return false;
    }
}
