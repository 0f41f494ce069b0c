package com.instore.agent.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The taps a broker acknowledged (PUBACK) and the hub has not answered yet, for the {@link PendingTaps} implementations.
 * A broker's PUBACK is not the hub's: Mosquitto keeps what it acknowledged in memory until its next autosave, so a
 * SIGKILL or power cut of the broker loses it (measured by FaultInjectionExternalBrokerIT). A tap therefore stays kept
 * until its answer ({@code ScreenUpdate} with its tap id) arrives, and is sent again when the connection drops (the broker
 * may be the one that died) or when no answer came within its wait: {@link #FIRST_WAIT} at first, doubled at each such
 * resend up to {@link #LONGEST_WAIT} (a hub away for long does not get the same taps every half minute). The hub is
 * idempotent by tap id, so a tap sent again is a suppressed duplicate at worst.
 * <p>
 * {@code K} is whatever the implementation needs to put the tap back in its place (a seq, the tap). Not thread-safe: the
 * owner's lock guards it.
 */
public final class Unanswered<K> {
    /** How long a tap the broker accepted may wait for its answer before it is sent again. */
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    /** The longest wait between two resends of one unanswered tap. */
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(8);

    private final LongSupplier nanos;
    private final Map<String, Waiting<K>> waiting = new LinkedHashMap<>();
    /** How many times each kept tap was sent again for want of an answer (forgotten with the tap). */
    private final Map<String, Integer> resends = new HashMap<>();

    public Unanswered(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** The broker accepted the tap: its answer is awaited from now. */
    public void accepted(String tapId, K key) {
        int times = resends.getOrDefault(tapId, 0);
        long wait = Math.min(FIRST_WAIT.toNanos() << Math.min(times, 20), LONGEST_WAIT.toNanos());
        waiting.put(tapId, new Waiting<>(key, nanos.getAsLong() + wait));
    }

    /** The key of the tap when it is waiting here, else null. */
    public K key(String tapId) {
        Waiting<K> w = waiting.get(tapId);
        return w == null ? null : w.key;
    }

    /** The hub answered: forgets the tap; its key when it was waiting here, else null. */
    public K answered(String tapId) {
        resends.remove(tapId);
        Waiting<K> w = waiting.remove(tapId);
        return w == null ? null : w.key;
    }

    /** Every waiting tap, now to be sent again (the connection dropped); none waits here any more. */
    public List<K> takeAll() {
        List<K> keys = waiting.values().stream().map(w -> w.key).toList();
        waiting.clear();
        return keys;
    }

    /** The waiting taps whose wait is over, now to be sent again; each will wait twice as long next time. */
    public List<K> takeOverdue() {
        long now = nanos.getAsLong();
        List<K> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, Waiting<K>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Waiting<K>> e = it.next();
            if (now - e.getValue().due >= 0) {
                keys.add(e.getValue().key);
                resends.merge(e.getKey(), 1, Integer::sum);
                it.remove();
            }
        }
        return keys;
    }

    public int size() {
        return waiting.size();
    }

    private record Waiting<K>(K key, long due) {
    }
}
