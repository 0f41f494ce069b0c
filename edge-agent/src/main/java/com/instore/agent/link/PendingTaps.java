package com.instore.agent.link;

import com.instore.protocol.TapEvent;

import java.util.Optional;

/**
 * Taps that the hub has not answered yet, oldest first: the slot where the durable outbox (DESIGN.md section 7) goes. A
 * tap is unsent (waiting for a connection or a free slot in the publish window), in flight (handed to the client,
 * waiting for the broker's PUBACK), or accepted (the broker's PUBACK came, the hub's answer has not). It leaves only
 * once both the broker's PUBACK and the hub's answer have come ({@link Confirmations}): a broker's PUBACK does not survive
 * every broker (Mosquitto loses what it acknowledged since its last autosave when it is killed, see {@link Unanswered}),
 * and the hub may answer before the tap is on its disk, its own broker's PUBACK coming only after. Implementations are
 * thread-safe.
 */
public interface PendingTaps {
    /** The next outbox sequence number (monotonically increasing). */
    long nextSeq();

    /**
     * Keeps a tap until it is {@link #acknowledged} and {@link #answered}. A durable implementation has the tap on disk
     * when this returns, so it may be published right after. Storing the same tap id twice keeps it once. May block for
     * a disk write.
     *
     * @throws TapRefusedException when the tap cannot be kept (full, or the storage fails); nothing was kept
     */
    void add(TapEvent tap) throws TapRefusedException;

    /** The oldest unsent tap, now marked in flight; empty when there is none. */
    Optional<TapEvent> takeNext();

    /** The broker acknowledged the in-flight tap: it leaves if answered already, else waits for the hub's answer. */
    void acknowledged(String tapId);

    /**
     * The hub answered the tap (a {@code ScreenUpdate} with its id): forget it, wherever it is, if the broker acknowledged
     * it already; else it leaves with that PUBACK. May write to disk.
     */
    void answered(String tapId);

    /** An in-flight tap could not be handed over: unsent again, in its original place. */
    void requeue(String tapId);

    /** The connection was lost: every in-flight and every accepted but unanswered tap is unsent again, in order. */
    void requeueAll();

    /** Accepted taps whose answer is overdue ({@link Unanswered}) are unsent again, in order; how many. */
    int resendOverdue();

    /** How many taps are in flight or accepted and unanswered: the hub's share of the backlog. */
    int awaitingAnswer();

    /** How many taps are kept (unsent, in flight and unanswered). */
    int size();
}
