package com.instore.agent.tap;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Delayed tasks for the pipeline; tests drive their own implementation. */
interface Timers {
    /** Runs {@code task} once after {@code delay}, on the timers' thread. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be called off. */
    interface Cancellable {
        void cancel();
    }

    /** Timers on a scheduled executor. */
    static Timers on(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
