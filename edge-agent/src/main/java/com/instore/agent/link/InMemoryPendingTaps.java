package com.instore.agent.link;

import com.instore.protocol.TapEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * {@link PendingTaps} in memory: taps survive connection drops but not a restart (tests and tools; the agent uses the
 * durable outbox). Sequence numbers restart at 1 with the process. Thread-safe (one lock; every operation is a few map
 * updates).
 */
public final class InMemoryPendingTaps implements PendingTaps {
    private final TreeMap<Long, TapEvent> unsent = new TreeMap<>();
    private final Map<String, TapEvent> inFlight = new LinkedHashMap<>();
    private final Unanswered<TapEvent> unanswered;
    private final Confirmations confirmations = new Confirmations();
    private long lastSeq;

    public InMemoryPendingTaps() {
        this(System::nanoTime);
    }

    /** With the clock the answer waits are measured on. */
    InMemoryPendingTaps(LongSupplier nanos) {
        this.unanswered = new Unanswered<>(nanos);
    }

    @Override
    public synchronized long nextSeq() {
        return ++lastSeq;
    }

    @Override
    public synchronized void add(TapEvent tap) {
        unsent.put(tap.seq(), tap);
    }

    @Override
    public synchronized Optional<TapEvent> takeNext() {
        Map.Entry<Long, TapEvent> first = unsent.pollFirstEntry();
        if (first == null) {
            return Optional.empty();
        }
        inFlight.put(first.getValue().id(), first.getValue());
        return Optional.of(first.getValue());
    }

    @Override
    public synchronized void acknowledged(String tapId) {
        TapEvent tap = inFlight.remove(tapId);
        if (tap != null && !confirmations.acknowledged(tapId)) {
            unanswered.accepted(tapId, tap);
        }
    }

    @Override
    public synchronized void answered(String tapId) {
        boolean kept = inFlight.containsKey(tapId) || unanswered.key(tapId) != null
                || unsent.values().stream().anyMatch(t -> t.id().equals(tapId));
        if (kept && confirmations.answered(tapId)) {
            inFlight.remove(tapId);
            unanswered.answered(tapId);
            unsent.values().removeIf(t -> t.id().equals(tapId));
        }
    }

    @Override
    public synchronized void requeue(String tapId) {
        TapEvent tap = inFlight.remove(tapId);
        if (tap != null) {
            unsent.put(tap.seq(), tap);
        }
    }

    @Override
    public synchronized void requeueAll() {
        inFlight.values().forEach(tap -> unsent.put(tap.seq(), tap));
        inFlight.clear();
        unanswered.takeAll().forEach(tap -> unsent.put(tap.seq(), tap));
    }

    @Override
    public synchronized int resendOverdue() {
        var overdue = unanswered.takeOverdue();
        overdue.forEach(tap -> unsent.put(tap.seq(), tap));
        return overdue.size();
    }

    @Override
    public synchronized int awaitingAnswer() {
        return inFlight.size() + unanswered.size();
    }

    @Override
    public synchronized int size() {
        return unsent.size() + inFlight.size() + unanswered.size();
    }
}
