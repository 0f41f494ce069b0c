package com.instore.agent.printer;

import java.util.LinkedHashSet;
import java.util.SequencedSet;

/** The last {@code capacity} ids seen, to drop MQTT redeliveries of the same job. Thread-safe. */
final class RecentIds {
    private final int capacity;
    private final SequencedSet<String> ids = new LinkedHashSet<>();

    RecentIds(int capacity) {
        this.capacity = capacity;
    }

    /** @return whether the id is new (and is now remembered) */
    synchronized boolean add(String id) {
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            ids.removeFirst();
        }
        return true;
    }
}
