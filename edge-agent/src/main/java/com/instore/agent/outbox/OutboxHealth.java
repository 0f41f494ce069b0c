package com.instore.agent.outbox;

import com.instore.protocol.DeviceHealth;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The outbox's health as staff should read it: OK "12 taps waiting", DEGRADED "outbox full: ...", OFFLINE "outbox cannot
 * write: disk full ...". Tells its listeners when the state (not the count) changes, so that the kiosk's status is
 * republished on a transition but not on every tap. Called under the outbox's lock; {@link #current()} from any thread.
 */
final class OutboxHealth {
    private final int capacity;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile DeviceHealth current = new DeviceHealth(DeviceHealth.State.OFFLINE, "outbox not opened yet");
    private String problem;

    OutboxHealth(int capacity) {
        this.capacity = capacity;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    DeviceHealth current() {
        return current;
    }

    void opened(int size) {
        problem = null;
        update(size);
    }

    void written(int size) {
        problem = null;
        update(size);
    }

    void drained(int size) {
        update(size);
    }

    void full(int size) {
        update(size);
    }

    void writeFailed(String reason, int size) {
        problem = "outbox cannot write: " + reason + "; new taps refused, " + size + " taps kept and waiting";
        update(size);
    }

    void unusable(String reason) {
        problem = "outbox unusable: " + reason + "; new taps refused";
        set(new DeviceHealth(DeviceHealth.State.OFFLINE, problem));
    }

    private void update(int size) {
        if (problem != null) {
            set(new DeviceHealth(DeviceHealth.State.OFFLINE, problem));
        } else if (size >= capacity) {
            set(new DeviceHealth(DeviceHealth.State.DEGRADED, "outbox full: " + size + " taps waiting (capacity "
                    + capacity + "); new taps refused until the hub takes some"));
        } else {
            set(DeviceHealth.ok(size + (size == 1 ? " tap" : " taps") + " waiting"));
        }
    }

    private void set(DeviceHealth next) {
        DeviceHealth previous = current;
        current = next;
        if (previous.state() != next.state()) {
            listeners.forEach(Runnable::run);
        }
    }

    /** A storage failure in words staff can act on ("disk full" first when SQLite says so). */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("SQLITE_FULL") || message.contains("No space left")) {
            return "disk full (" + message + ")";
        }
        return message;
    }
}
