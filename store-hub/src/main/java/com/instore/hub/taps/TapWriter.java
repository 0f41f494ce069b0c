package com.instore.hub.taps;

import com.instore.hub.mqtt.HubClient;
import com.instore.hub.mqtt.Inbound;
import com.instore.protocol.TapEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The single writer of taps: one thread ({@code hub-taps}) takes whatever taps queued up while it was committing the previous
 * batch (at most {@value #MAX_BATCH}) and hands them to {@link TapBatch}, which commits them in one transaction, so one fsync
 * serves many taps and the batch grows with the load. {@link #offer} never blocks: it runs on the receiving thread (the
 * embedded broker's, or Paho's). The queue is unbounded on purpose: what bounds it is the number of unacknowledged taps
 * each sender may have in flight (its receive maximum at the broker) and the per-kiosk rate limit in front of it; blocking
 * the receiving thread instead would stall every kiosk's traffic.
 */
final class TapWriter implements AutoCloseable {
    static final int MAX_BATCH = 200;
    private static final long IDLE_MS = 200;
    private static final System.Logger LOG = System.getLogger(TapWriter.class.getName());

    /** A valid tap waiting for its batch: the message, the tap it holds, and the way to acknowledge it. */
    record Pending(Inbound in, TapEvent tap, HubClient.Completion completion) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final TapBatch batch;
    private final Thread thread;
    private volatile boolean running = true;

    TapWriter(TapBatch batch) {
        this.batch = batch;
        this.thread = Thread.ofPlatform().name("hub-taps").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues a tap; never blocks. After {@link #close} the tap is left unacknowledged for the broker to redeliver. */
    void offer(Pending tap) {
        if (running) {
            queue.add(tap);
        }
    }

    private void run() {
        try {
            write();
        } finally {
            batch.idle();
        }
    }

    private void write() {
        List<Pending> taken = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Pending first = queue.poll(IDLE_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    batch.idle();
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, MAX_BATCH - 1);
                batch.run(taken);
                if (queue.isEmpty()) {
                    batch.caughtUp();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // TapBatch completes every tap itself; this is a bug in it: leave the taps to their retry, keep writing.
                LOG.log(System.Logger.Level.ERROR, "tap batch failed unexpectedly", e);
                taken.forEach(p -> p.completion().failed(e));
            } finally {
                taken.clear();
            }
        }
    }

    /** Stops taking taps, lets the batch in progress finish (up to 5 s); queued taps stay unacknowledged. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
