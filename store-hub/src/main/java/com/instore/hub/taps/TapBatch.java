package com.instore.hub.taps;

import com.instore.hub.db.Database;
import com.instore.hub.db.HeldConnection;
import com.instore.hub.mqtt.HubClient;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.TapEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Group commit of a batch of taps: every valid tap of the batch is decided in ONE transaction, each under its own
 * savepoint so that a tap that fails is rolled back alone and the others commit. Only after the commit are the answers
 * sent (with {@link AnswerTiming#AT_COMMIT} the writer's connection commits without waiting for the disk, so the answer
 * does not wait for an fsync either); the taps are acknowledged to the broker after that, once the commit is on disk
 * ({@link SyncedAcks}). A tap that failed is not acknowledged: a retryable conflict (PostgreSQL) is run again at once in
 * a transaction of its own, anything else is left to the MQTT client's retry. A tap id seen twice in one batch is one row: the second finds the first's row
 * and gets its answer byte for byte. When the whole transaction fails (the database refuses writes), no tap of the batch
 * is acknowledged. The measured latency of each answer is written with the next batch (or when the writer is idle), not
 * in a commit of its own. While taps keep coming the batches run on one held connection whose prepared statements are
 * reused ({@link HeldConnection}); it goes back to the pool when the writer is idle. SQLite's WAL is checkpointed when the
 * writer has caught up ({@link #caughtUp}) or is idle, after the batch's answers were handed over, not inside a commit
 * that taps are waiting for; the background checkpoints ({@link com.instore.hub.db.WalCheckpoints}) have copied most of
 * it by then. Writer thread only.
 */
final class TapBatch {
    private static final System.Logger LOG = System.getLogger(TapBatch.class.getName());

    /** How long the writer keeps one connection at most while busy, so that the pool can still retire it. */
    static final long MAX_HOLD_MS = 60_000;

    /** How often at most the writer checkpoints SQLite's WAL when it has caught up, so that the WAL starts over. */
    static final long CHECKPOINT_EVERY_MS = 100;

    private final TapPipeline pipeline;
    private final HeldConnection db;
    private final TapSavepoint savepoint;
    private final TapTable table;
    private final Executor answers;
    private final SyncedAcks acks;
    /** Measured by the answer sender, written by the writer with its next batch. */
    private final Queue<TapTable.Latency> measured = new ConcurrentLinkedQueue<>();
    private final List<TapTable.Latency> latencies = new ArrayList<>();
    private long checkpointedAt = System.nanoTime();

    /** A batch that commits to disk, then answers and acknowledges on the writer's thread. */
    TapBatch(TapPipeline pipeline, Database db, TapTable table) {
        this(pipeline, db, table, Runnable::run, SyncedAcks.atOnce(), AnswerTiming.AFTER_SYNC);
    }

    /**
     * A batch whose answers go to {@code answers} after the commit (on disk or not, as {@code timing} says), in commit
     * order, and whose taps are then handed to {@code acks}.
     */
    TapBatch(TapPipeline pipeline, Database db, TapTable table, Executor answers, SyncedAcks acks, AnswerTiming timing) {
        this.answers = answers;
        this.acks = acks;
        this.pipeline = pipeline;
        this.db = timing == AnswerTiming.AT_COMMIT ? db.holdDeferringSync(MAX_HOLD_MS) : db.hold(MAX_HOLD_MS);
        this.savepoint = new TapSavepoint(db.isSqlite());
        this.table = table;
    }

    /** A valid tap of the batch and how its savepoint ended. */
    private static final class Item {
        final TapWriter.Pending pending;
        final KioskAddress kiosk;
        final TapEvent tap;
        TapPipeline.Outcome outcome;
        Exception failure;

        Item(TapWriter.Pending pending) {
            this.pending = pending;
            this.kiosk = pending.in().address().kiosk();
            this.tap = pending.tap();
        }
    }

    /** Decides, commits, answers and completes every tap of {@code batch}. Blocking; completes each tap exactly once. */
    void run(List<TapWriter.Pending> batch) {
        List<Item> items = batch.stream().map(Item::new).toList();
        try {
            db.inTransaction(c -> decideAll(c, items));
            latencies.clear();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a batch of {0} taps was not committed ({1}): none acknowledged",
                    items.size(), e.getMessage());
            items.forEach(item -> fail(item, e));
            return;
        }
        List<Item> committed = new ArrayList<>(items.size());
        for (Item item : items) {
            if (settle(item)) {
                committed.add(item);
            }
        }
        if (!committed.isEmpty()) {
            answers.execute(() -> deliver(committed));
        }
    }

    /**
     * No tap is waiting: checkpoints SQLite's WAL if the last checkpoint was {@value #CHECKPOINT_EVERY_MS} ms ago or more.
     * The taps that arrive meanwhile wait for it, but the batch just committed does not (its answers are on their way).
     */
    void caughtUp() {
        if (System.nanoTime() - checkpointedAt >= CHECKPOINT_EVERY_MS * 1_000_000) {
            checkpoint();
        }
    }

    private void checkpoint() {
        checkpointedAt = System.nanoTime();
        try {
            db.checkpoint();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "WAL checkpoint left to SQLite''s automatic one: {0}", e.getMessage());
        }
    }

    /**
     * Writes the latencies still pending, checkpoints the WAL and gives the held connection back: the writer has nothing
     * else to do.
     */
    void idle() {
        drainMeasured();
        if (!latencies.isEmpty()) {
            try {
                db.inTransaction(c -> table.latencies(c, latencies));
                latencies.clear();
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "tap latencies not written yet: {0}", e.getMessage());
            }
        }
        checkpoint();
        db.release();
    }

    private void drainMeasured() {
        for (TapTable.Latency l = measured.poll(); l != null; l = measured.poll()) {
            latencies.add(l);
        }
    }

    private int decideAll(Connection c, List<Item> items) throws SQLException {
        drainMeasured();
        table.latencies(c, latencies);
        for (Item item : items) {
            savepoint.set(c);
            try {
                item.outcome = pipeline.answer(c, item.kiosk, item.tap, pipeline.now());
                savepoint.release(c);
            } catch (SQLException | RuntimeException e) {
                savepoint.rollback(c);
                item.failure = e;
            }
        }
        return items.size();
    }

    /** Whether the tap is committed (after a retry of its own if its savepoint hit a retryable conflict); if not, failed. */
    private boolean settle(Item item) {
        if (item.failure instanceof SQLException e && TapPipeline.retryable(e)) {
            try {
                item.outcome = pipeline.decide(db, item.kiosk, item.tap);
                item.failure = null;
            } catch (SQLException | RuntimeException again) {
                item.failure = again;
            }
        }
        if (item.failure != null) {
            fail(item, item.failure);
            return false;
        }
        return true;
    }

    /** Sends the committed taps' answers, then hands the answered taps over to be acknowledged. On the answer thread. */
    private void deliver(List<Item> committed) {
        List<HubClient.Completion> answered = new ArrayList<>(committed.size());
        for (Item item : committed) {
            if (answer(item)) {
                answered.add(item.pending.completion());
            }
        }
        if (!answered.isEmpty()) {
            acks.afterSync(answered);
        }
    }

    private boolean answer(Item item) {
        long micros;
        try {
            micros = pipeline.deliver(item.kiosk, item.tap, item.outcome, item.pending.in().receivedNanos());
        } catch (RuntimeException e) {
            // Committed but not answered: unacknowledged, it comes again and gets its stored answer.
            fail(item, e);
            return false;
        }
        if (micros >= 0) {
            measured.add(new TapTable.Latency(item.tap.id(), micros));
        }
        return true;
    }

    private void fail(Item item, Exception why) {
        pipeline.failed();
        item.pending.completion().failed(why);
    }
}
