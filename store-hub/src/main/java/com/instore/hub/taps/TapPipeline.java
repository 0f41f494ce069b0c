package com.instore.hub.taps;

import com.instore.hub.db.Database;
import com.instore.hub.db.Transactions;
import com.instore.hub.db.WalCheckpoints;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.mqtt.HubClient;
import com.instore.hub.mqtt.Inbound;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.protocol.Channel;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hub's tap pipeline (DESIGN.md section 6): validate, dedupe by tap id, resolve, loyalty, offers, answer. One
 * transaction per tap writes its row together with everything the tap changed and the answer; a redelivered tap gets the
 * stored answer again, byte for byte, and changes nothing. Runs on the hub executor (never on Paho's threads); blocks on
 * the database. {@link #decide} is the transaction alone, safe to call from many threads at once.
 * <p>
 * In the hub, taps come through {@link #accept} instead: queued for a single writer thread ({@link #start}) that commits
 * them in batches, one transaction and one fsync per batch (group commit, {@link TapBatch}); a second thread
 * ({@link AnswerSender}) sends each committed batch's answers and then acknowledges its taps, so each tap is acknowledged
 * only after its batch committed and its answer was sent. {@link #handle} is the same work for one tap, on the caller's thread.
 */
public final class TapPipeline implements HubClient.Queued {
    /** The answer is useless after this: the kiosk has fallen back to its offline welcome. */
    static final long ANSWER_EXPIRY_SECONDS = 5;
    static final int MAX_ATTEMPTS = 5;
    /** How often SQLite's WAL is copied into the database in the background (see {@link WalCheckpoints}). */
    static final Duration WAL_CHECKPOINT_EVERY = Duration.ofMillis(20);
    private static final System.Logger LOG = System.getLogger(TapPipeline.class.getName());

    private final Fleet fleet;
    private final Database db;
    private final TapTable table;
    private final TapDecider decider;
    private final MessageCodec codec;
    private final Answers answers;
    private final TapMetrics metrics;
    private final Clock clock;
    private volatile TapWriter writer;

    /** Sends an answer to a kiosk's screen topic: QoS 1, the given expiry and correlation data. Must not block. */
    @FunctionalInterface
    public interface Answers {
        boolean send(String topic, byte[] payload, byte[] correlationData, long expirySeconds);
    }

    public TapPipeline(Fleet fleet, Database db, TapServices services, MessageCodec codec, Answers answers,
                       MeterRegistry registry, Clock clock) {
        this.fleet = fleet;
        this.db = db;
        this.table = new TapTable(db, services.loyalty().config().zone());
        this.decider = new TapDecider(services, fleet, clock);
        this.codec = codec;
        this.answers = answers;
        this.metrics = new TapMetrics(registry);
        this.clock = clock;
    }

    /**
     * Starts the writer thread that {@link #accept} feeds, the thread that sends its answers, (at-commit) the one that
     * acknowledges them once on disk and (SQLite) the background WAL checkpoints; closing what it returns stops them (the batch in
     * progress commits, its answers are sent and its taps acknowledged). {@code timing}: when an answer leaves.
     */
    public AutoCloseable start(AnswerTiming timing) {
        AnswerSender sender = new AnswerSender();
        // after-sync: each commit is on disk when it returns, and the answer thread acknowledges right after answering
        SyncedAcks acks = timing == AnswerTiming.AT_COMMIT
                ? SyncedAcks.start(db::syncCommitted, this::failed) : SyncedAcks.atOnce();
        WalCheckpoints wal = WalCheckpoints.start(db, WAL_CHECKPOINT_EVERY);
        TapWriter started = new TapWriter(new TapBatch(this, db, table, sender, acks, timing));
        started.start();
        writer = started;
        return () -> {
            try (wal; acks; sender) {
                started.close();
            }
        };
    }

    /**
     * Validates one message from a kiosk's tap topic and queues it for the writer; never blocks (runs on the receiving
     * thread: the embedded broker's, or Paho's over an external broker). {@code completion} hears at once that it is
     * invalid, or once its batch committed, its answer was sent and the commit is on disk, or that it failed.
     */
    @Override
    public void accept(Inbound in, HubClient.Completion completion) {
        TapEvent tap;
        try {
            tap = validate(in.address().kiosk(), in.payload());
        } catch (InvalidInbound e) {
            completion.invalid(e); // decoded here, not on the writer: its thread does the database work alone
            return;
        }
        TapWriter current = writer;
        if (current == null) {
            throw new IllegalStateException("the tap writer is not started");
        }
        current.offer(new TapWriter.Pending(in, tap, completion));
    }

    /** Handles one message from a kiosk's tap topic on the caller's thread, in its own transaction. Blocking. */
    public void handle(Inbound in) throws InvalidInbound, SQLException {
        KioskAddress kiosk = in.address().kiosk();
        TapEvent tap = validate(kiosk, in.payload());
        long micros = deliver(kiosk, tap, decide(kiosk, tap), in.receivedNanos());
        if (micros >= 0) {
            table.latency(tap.id(), micros);
        }
    }

    /**
     * Sends a decided tap's answer and counts it; returns the tap-to-offer latency in microseconds to record for a first
     * answer, else -1. Throws {@link IllegalStateException} when the answer could not be published (broker stopping, or
     * Paho refusing it): the tap must then stay unacknowledged, so that it comes again and its stored answer is sent then.
     */
    long deliver(KioskAddress kiosk, TapEvent tap, Outcome outcome, long receivedNanos) {
        if (!answers.send(kiosk.topic(Channel.SCREEN), outcome.answer(), tap.id().getBytes(StandardCharsets.UTF_8),
                ANSWER_EXPIRY_SECONDS)) {
            throw new IllegalStateException("the answer to tap " + tap.id() + " was not published");
        }
        long nanos = System.nanoTime() - receivedNanos;
        if (outcome.duplicate()) {
            metrics.duplicate(nanos);
            LOG.log(System.Logger.Level.DEBUG, "tap {0} redelivered: answered again, nothing changed", tap.id());
            return -1;
        }
        metrics.answered(outcome.recognised(), nanos);
        return nanos / 1_000;
    }

    /** Counts a tap left unacknowledged: its transaction failed, its answer was not published or its commit not synced. */
    void failed() {
        metrics.failed();
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * The tap's answer, in its own transaction: the stored one when seen before, else a new one written with the tap's row.
     * Blocking; thread-safe.
     */
    public Outcome decide(KioskAddress kiosk, TapEvent tap) throws SQLException {
        return decide(db, kiosk, tap);
    }

    /** As {@link #decide(KioskAddress, TapEvent)}, in transactions of {@code db}. */
    Outcome decide(Transactions db, KioskAddress kiosk, TapEvent tap) throws SQLException {
        Instant receivedAt = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> answer(c, kiosk, tap, receivedAt));
            } catch (SQLException e) {
                if (attempt == MAX_ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "tap {0}: {1}, trying again", tap.id(), e.getMessage());
            }
        }
    }

    /**
     * PostgreSQL ends one of two concurrent transactions that wait on each other (a deadlock) or would break
     * serialisability, and a second delivery of one tap can lose the race for its row: running the tap again is
     * correct (it is idempotent) and succeeds.
     */
    static boolean retryable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("40P01") || state.equals("40001") || state.equals("23505");
    }

    /** Tells a kiosk to leave the screen of {@code tapId} (the member it showed was erased). Never blocks. */
    public void clearScreen(String kioskId, String tapId) {
        KioskAddress kiosk = new KioskAddress(fleet.storeId(), kioskId);
        ScreenUpdate clear = new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), kioskId,
                tapId, ScreenUpdate.Kind.CLEAR, "Welcome!", null, List.of(), null);
        answers.send(kiosk.topic(Channel.SCREEN), codec.encode(clear), tapId.getBytes(StandardCharsets.UTF_8),
                ANSWER_EXPIRY_SECONDS);
    }

    /** The last {@code limit} answered taps, newest first. Blocking. */
    public List<RecentTap> recent(int limit) throws SQLException {
        return table.recent(limit);
    }

    TapEvent validate(KioskAddress kiosk, byte[] payload) throws InvalidInbound {
        if (!fleet.isKnown(kiosk)) {
            throw InvalidInbound.unknownKiosk(kiosk);
        }
        TapEvent tap;
        try {
            tap = codec.decode(payload, TapEvent.class);
        } catch (InvalidMessageException e) {
            throw InvalidInbound.of(e);
        }
        if (!tap.kioskId().equals(kiosk.kioskId())) {
            throw InvalidInbound.mismatch(tap.kioskId(), kiosk.kioskId());
        }
        return tap;
    }

    /** The tap's answer on the caller's transaction: the stored one when seen before, else a new one with its row. */
    Outcome answer(Connection c, KioskAddress kiosk, TapEvent tap, Instant receivedAt) throws SQLException {
        Optional<byte[]> stored = table.answerOf(c, tap.id());
        if (stored.isPresent()) {
            return new Outcome(stored.get(), true, false);
        }
        TapDecider.Decision decision = decider.decide(c, kiosk, tap, receivedAt);
        byte[] answer = codec.encode(decision.answer());
        table.insert(c, new TapTable.Row(tap.id(), kiosk.storeId(), kiosk.kioskId(), tap.at(), receivedAt,
                tap.credential().type().name(), decision.memberId().orElse(null), decision.tier(),
                decision.answer().offers().size(), answer, decision.verified()));
        return new Outcome(answer, false, decision.memberId().isPresent());
    }

    /** The bytes to send and how they came about. */
    public record Outcome(byte[] answer, boolean duplicate, boolean recognised) {
    }
}
