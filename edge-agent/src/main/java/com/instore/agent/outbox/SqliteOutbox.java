package com.instore.agent.outbox;

import com.instore.agent.link.Confirmations;
import com.instore.agent.link.PendingTaps;
import com.instore.agent.link.TapRefusedException;
import com.instore.agent.link.Unanswered;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable outbox (DESIGN.md section 7): every tap is committed and fsync'd to {@code outbox.db} before it may be
 * published, and its row goes only once both the broker's PUBACK and the hub's answer have come ({@link Confirmations});
 * after a restart everything still there is sent again in seq order. Only seqs are held in memory (a few MB for 50,000
 * taps); payloads are read back when published.
 * <p>
 * Never throws from its {@link PendingTaps} methods for storage reasons and never crashes the agent: a full outbox, a full
 * disk or an unusable file refuse new taps with a {@link TapRefusedException} that says why, and show in {@link #health()}
 * (OFFLINE when unusable, DEGRADED when full). Taps already kept are never dropped to make room. An outbox that could not
 * be opened tries again on the next tap, at most every few seconds.
 * <p>
 * Thread-safe: one lock around every call; {@link #add} blocks for one fsync (about a millisecond on an SSD).
 */
public final class SqliteOutbox implements PendingTaps, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SqliteOutbox.class.getName());
    private static final long REOPEN_EVERY_NANOS = 5_000_000_000L;

    private final OutboxConfig config;
    private final MessageCodec codec;
    private final OutboxMetrics metrics;
    private final TreeSet<Long> unsent = new TreeSet<>();
    private final Map<String, Long> inFlight = new HashMap<>();
    private final Unanswered<Long> unanswered;
    private final Confirmations confirmations = new Confirmations();
    private final OutboxHealth health;
    private OutboxDb db;
    private long lastOpenAttempt;
    private long lastSeq;
    private int unreadable;

    private SqliteOutbox(OutboxConfig config, MessageCodec codec, MeterRegistry registry, LongSupplier nanos) {
        this.config = config;
        this.unanswered = new Unanswered<>(nanos);
        this.codec = codec;
        this.metrics = new OutboxMetrics(registry, this::size);
        this.health = new OutboxHealth(config.capacity());
    }

    /** Opens the outbox, loading what a previous run left. Never throws: a failure shows in {@link #health()}. */
    public static SqliteOutbox open(OutboxConfig config, MessageCodec codec, MeterRegistry registry) {
        return open(config, codec, registry, System::nanoTime);
    }

    /**
     * An outbox that {@link #open} loads later (OFFLINE "not opened yet" until then): what is wired to it meanwhile
     * may call it, and waits for the open in progress.
     */
    public static SqliteOutbox unopened(OutboxConfig config, MessageCodec codec, MeterRegistry registry) {
        return new SqliteOutbox(config, codec, registry, System::nanoTime);
    }

    /** As {@link #open(OutboxConfig, MessageCodec, MeterRegistry)}, with the clock the answer waits are measured on. */
    static SqliteOutbox open(OutboxConfig config, MessageCodec codec, MeterRegistry registry, LongSupplier nanos) {
        SqliteOutbox outbox = new SqliteOutbox(config, codec, registry, nanos);
        outbox.open();
        return outbox;
    }

    /** Opens the file and loads what a previous run left, unless open already. Never throws: see {@link #health()}. */
    public synchronized void open() {
        if (db == null) {
            tryOpen();
        }
    }

    /** {@code listener} runs (on the thread that caused it, under no assumption of which) when the health state changes. */
    public void onHealthChange(Runnable listener) {
        health.onChange(listener);
    }

    /** OK with the number of taps waiting, DEGRADED when full, OFFLINE when taps cannot be written. */
    public DeviceHealth health() {
        return health.current();
    }

    @Override
    public synchronized long nextSeq() {
        return ++lastSeq;
    }

    @Override
    public synchronized void add(TapEvent tap) throws TapRefusedException {
        if (db == null && System.nanoTime() - lastOpenAttempt >= REOPEN_EVERY_NANOS) {
            tryOpen();
        }
        if (db == null) {
            throw refused("unusable");
        }
        if (size() >= config.capacity()) {
            health.full(size());
            throw refused("full");
        }
        long started = System.nanoTime();
        try {
            if (db.insert(tap.seq(), tap.id(), codec.encode(tap))) {
                unsent.add(tap.seq());
                lastSeq = Math.max(lastSeq, tap.seq());
            }
        } catch (SQLException e) {
            health.writeFailed(OutboxHealth.describe(e), size());
            throw refused("unwritable");
        }
        metrics.written(System.nanoTime() - started);
        health.written(size());
    }

    @Override
    public synchronized Optional<TapEvent> takeNext() {
        while (db != null && !unsent.isEmpty()) {
            long seq = unsent.first();
            try {
                Optional<byte[]> payload = db.take(seq);
                unsent.pollFirst();
                if (payload.isPresent()) {
                    TapEvent tap = codec.decode(payload.get(), TapEvent.class);
                    inFlight.put(tap.id(), seq);
                    return Optional.of(tap);
                }
            } catch (InvalidMessageException e) {
                park(seq, e);
            } catch (SQLException e) {
                health.writeFailed(OutboxHealth.describe(e), size());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void acknowledged(String tapId) {
        Long seq = inFlight.remove(tapId);
        if (seq == null) {
            return;
        }
        if (confirmations.acknowledged(tapId)) {
            delete(tapId, seq); // answered already
        } else {
            unanswered.accepted(tapId, seq);
        }
    }

    @Override
    public synchronized void answered(String tapId) {
        if (db == null) {
            return;
        }
        Long seq = inFlight.get(tapId);
        if (seq == null) {
            seq = unanswered.key(tapId);
        }
        try {
            if (seq == null) {
                // Answered while unsent again (after a drop), or answered twice: found by id, if still here.
                seq = db.seqOf(tapId).orElse(null);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not look up answered tap " + tapId + " in the outbox", e);
            return; // kept: sent again, the hub answers it from what it stored
        }
        if (seq == null || !confirmations.answered(tapId)) {
            return; // not kept (answered twice), or answered before the broker's PUBACK: it leaves with that
        }
        inFlight.remove(tapId);
        unanswered.answered(tapId);
        unsent.remove(seq);
        delete(tapId, seq);
    }

    /** Both confirmations are in: the row goes. */
    private void delete(String tapId, long seq) {
        if (db == null) {
            return;
        }
        try {
            db.delete(seq);
        } catch (SQLException e) {
            // The row stays: after a restart the tap is published once more and the hub dedupes it.
            LOG.log(Level.WARNING, "could not remove answered tap " + tapId + " from the outbox", e);
        }
        health.drained(size());
    }

    @Override
    public synchronized void requeue(String tapId) {
        Long seq = inFlight.remove(tapId);
        if (seq != null) {
            unsent.add(seq);
        }
    }

    @Override
    public synchronized void requeueAll() {
        unsent.addAll(inFlight.values());
        inFlight.clear();
        unsent.addAll(unanswered.takeAll());
    }

    @Override
    public synchronized int resendOverdue() {
        var overdue = unanswered.takeOverdue();
        unsent.addAll(overdue);
        return overdue.size();
    }

    @Override
    public synchronized int awaitingAnswer() {
        return inFlight.size() + unanswered.size();
    }

    @Override
    public synchronized int size() {
        return unsent.size() + inFlight.size() + unanswered.size() + unreadable;
    }

    @Override
    public synchronized void close() {
        if (db != null) {
            db.close();
            db = null;
        }
        metrics.close();
    }

    private void tryOpen() {
        lastOpenAttempt = System.nanoTime();
        try {
            db = OutboxDb.open(config.file());
            lastSeq = Math.max(lastSeq, db.highestSeq());
            unsent.addAll(db.waiting());
            unreadable = db.unreadable();
            health.opened(size());
            if (size() > 0) {
                LOG.info(size() + " taps waiting in the outbox " + config.file() + " from a previous run");
            }
        } catch (SQLException | IOException | RuntimeException e) {
            if (db != null) {
                db.close();
                db = null;
            }
            health.unusable("cannot open " + config.file().toAbsolutePath() + ": " + OutboxHealth.describe(e));
            LOG.log(Level.SEVERE, "the outbox cannot be used; taps are refused until it can", e);
        }
    }

    private void park(long seq, InvalidMessageException e) {
        unsent.pollFirst();
        unreadable++;
        LOG.severe("outbox row " + seq + " no longer decodes (" + e.getMessage() + "); kept, marked unreadable, skipped");
        try {
            db.markUnreadable(seq);
        } catch (SQLException ignored) {
            // Marked again (and skipped again) at the next start.
        }
    }

    private TapRefusedException refused(String reason) {
        metrics.refused(reason);
        return new TapRefusedException(health.current().detail());
    }
}
