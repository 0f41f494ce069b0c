package com.instore.agent.link;

import com.instore.protocol.TapEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link PendingTaps} in memory: taps survive connection drops but not a restart (the durable outbox is a later issue).
 * Sequence numbers restart at 1 with the process. Thread-safe (one lock; every operation is a few map updates).
 */
public final class InMemoryPendingTaps implements PendingTaps {
    private final TreeMap<Long, TapEvent> unsent = new TreeMap<>();
    private final Map<String, TapEvent> inFlight = new LinkedHashMap<>();
    private long lastSeq;

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
        if (tap == null) {
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
    }

    @Override
    public synchronized int size() {
        return unsent.size() + inFlight.size();
    }
}
