package com.instore.agent.tap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Timers driven by the test: {@link #advance} moves a {@link MutableClock} and runs what fell due, in order. */
final class ManualTimers implements Timers {
    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();

    ManualTimers(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(clock.instant().plus(delay), task);
        tasks.add(scheduled);
        return () -> tasks.remove(scheduled);
    }

    void advance(Duration duration) {
        Instant until = clock.instant().plus(duration);
        while (true) {
            Optional<Task> due = tasks.stream().filter(t -> !t.at.isAfter(until)).min(Comparator.comparing(t -> t.at));
            if (due.isEmpty()) {
                break;
            }
            tasks.remove(due.get());
            clock.set(due.get().at);
            due.get().task.run();
        }
        clock.set(until);
    }

    private record Task(Instant at, Runnable task) {
    }
}
