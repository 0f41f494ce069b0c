package com.instore.bench.broker;

import java.util.concurrent.TimeUnit;

/** Stopping a process the harness started (a broker, the hub): SIGTERM, and SIGKILL when it is not gone in time. */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** Asks {@code process} to stop, waits up to {@code graceSeconds}, then kills it. Blocks until it is gone (or 10 s). */
    public static void stop(Process process, long graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
