package com.instore.hub.taps;

import com.instore.hub.mqtt.HubClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Acknowledges answered taps to the broker once their commit is on disk. With {@link AnswerTiming#AT_COMMIT} the tap
 * writer commits without waiting for the disk ({@link com.instore.hub.db.Database#holdDeferringSync}), so a tap is
 * answered as soon as its batch is committed; its acknowledgement waits here, on a thread of its own ({@code
 * hub-sync}), for one sync that began after it was handed over and that covers every batch handed over before it (a
 * group sync). A crash of the hub loses nothing committed (the operating system has the WAL); a power cut may lose taps
 * that were answered but not yet acknowledged, and those come again (kiosks keep a tap until its PUBACK, an external
 * broker keeps its unacknowledged delivery), to be decided again. When the sync
 * fails, the taps are not acknowledged (the broker delivers them again and they get their stored answer). {@link
 * #afterSync} never blocks.
 */
final class SyncedAcks implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SyncedAcks.class.getName());
    private static final long IDLE_MS = 200;

    /** Makes every commit so far durable. */
    @FunctionalInterface
    interface Sync {
        void sync() throws IOException;
    }

    private final Sync sync;
    private final Runnable unacknowledged;
    private final BlockingQueue<List<HubClient.Completion>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    private SyncedAcks(Sync sync, Runnable unacknowledged, boolean threaded) {
        this.sync = sync;
        this.unacknowledged = unacknowledged;
        this.thread = threaded ? Thread.ofPlatform().name("hub-sync").daemon().unstarted(this::run) : null;
    }

    /**
     * Acknowledges on its own thread, one sync for all that waits; {@code unacknowledged} runs once for each tap a failed
     * sync leaves unacknowledged (to count it).
     */
    static SyncedAcks start(Sync sync, Runnable unacknowledged) {
        SyncedAcks acks = new SyncedAcks(sync, unacknowledged, true);
        acks.thread.start();
        return acks;
    }

    /** Syncs and acknowledges on the caller's thread, in {@link #afterSync} (a writer that answers on its own thread). */
    static SyncedAcks inline(Sync sync, Runnable unacknowledged) {
        return new SyncedAcks(sync, unacknowledged, false);
    }

    /** For commits that are on disk when they return: acknowledges at once, on the caller's thread. */
    static SyncedAcks atOnce() {
        return inline(() -> { }, () -> { });
    }

    /** Acknowledges {@code taps} (answered, committed) once a sync after now has succeeded. Never blocks when started. */
    void afterSync(List<HubClient.Completion> taps) {
        if (thread == null) {
            acknowledge(List.of(taps));
        } else {
            queue.add(taps);
        }
    }

    private void run() {
        List<List<HubClient.Completion>> taken = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                List<HubClient.Completion> first = queue.poll(IDLE_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    taken.add(first);
                    queue.drainTo(taken);
                    acknowledge(taken);
                    taken.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void acknowledge(List<List<HubClient.Completion>> batches) {
        try {
            sync.sync();
        } catch (IOException | RuntimeException e) {
            int taps = batches.stream().mapToInt(List::size).sum();
            LOG.log(System.Logger.Level.ERROR, "the disk did not sync {0} committed taps ({1}): not acknowledged, the "
                    + "broker delivers them again", taps, e.getMessage());
            batches.forEach(batch -> batch.forEach(tap -> {
                unacknowledged.run();
                tap.failed(e);
            }));
            return;
        }
        batches.forEach(batch -> batch.forEach(HubClient.Completion::handled));
    }

    /** Syncs and acknowledges what was handed over before (up to 5 s), then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
    }
}
