package com.instore.agent.link;

import com.instore.protocol.TapEvent;

import java.util.Optional;

/**
 * Taps that the broker has not acknowledged yet, oldest first: the slot where the durable outbox (DESIGN.md section 7)
 * goes. A tap is either unsent (waiting for a connection or a free slot in the publish window) or in flight (handed to
 * the client, waiting for its PUBACK). Implementations are thread-safe.
 */
public interface PendingTaps {
    /** The next outbox sequence number (monotonically increasing). */
    long nextSeq();

    /**
     * Keeps a tap until {@link #acknowledged}. A durable implementation has the tap on disk when this returns, so it may
     * be published right after. Storing the same tap id twice keeps it once. May block for a disk write.
     *
     * @throws TapRefusedException when the tap cannot be kept (full, or the storage fails); nothing was kept
     */
    void add(TapEvent tap) throws TapRefusedException;

    /** The oldest unsent tap, now marked in flight; empty when there is none. */
    Optional<TapEvent> takeNext();

    /** The broker acknowledged the tap: forget it, wherever it is. */
    void acknowledged(String tapId);

    /** An in-flight tap could not be handed over: unsent again, in its original place. */
    void requeue(String tapId);

    /** The connection was lost: every in-flight tap is unsent again, in original order. */
    void requeueAll();

    /** How many taps are kept (unsent and in flight). */
    int size();
}
