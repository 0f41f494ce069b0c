package com.instore.hub.chain;

import com.instore.hub.db.Database;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sync loop of the chain link, on its own thread ({@code hub-chain}): each round first drains the upward outbox in
 * batches (every batch applied at the centre in one transaction, then marked locally; a crash in between ships it again,
 * which the centre ignores), then pulls the centre's changes from the store's watermarks, then waits the sync interval.
 * When the centre cannot be reached the store carries on alone: the round fails, the link is DOWN, the next attempt waits
 * twice as long (up to the maximum backoff). Nothing on the tap path waits for this thread.
 */
final class ChainSync implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChainSync.class.getName());
    private static final int MAX_ROUNDS = 10_000;
    private static final long DEPTH_EVERY_NANOS = 500_000_000L;

    /** Opens the centre's database (migrated); throws while it cannot be reached. */
    @FunctionalInterface
    interface CentreSource {
        Database open() throws Exception;
    }

    private final LocalFacts local;
    private final LocalApply apply;
    private final CentreApply centreApply;
    private final CentreFeed feed = new CentreFeed();
    private final CentreSource source;
    private final ChainConfig config;
    private final Clock clock;
    private final Thread thread;
    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong pulled = new AtomicLong();
    private volatile boolean running = true;
    private volatile Database centre;
    private volatile long depth;
    private volatile long depthCountedNanos = System.nanoTime() - DEPTH_EVERY_NANOS - 1;
    private volatile ChainStatus status = new ChainStatus("STARTING", 0, 0, 0, null, null, null);

    ChainSync(Database store, ChainLink.LocalEraser eraser, CentreApply centreApply, CentreSource source,
              ChainConfig config, Clock clock) {
        this.local = new LocalFacts(store);
        this.apply = new LocalApply(store, eraser);
        this.centreApply = centreApply;
        this.source = source;
        this.config = config;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("hub-chain").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** The state of the last attempt, with the outbox depth as of now (counted at most twice a second). */
    ChainStatus status() {
        ChainStatus s = status;
        return new ChainStatus(s.link(), depth(), shipped.get(), pulled.get(), s.lastSync(), s.downSince(), s.lastError());
    }

    /** One round: upward until the outbox is empty, then downward until the feed is. Blocking; throws when cut off. */
    void syncOnce() throws Exception {
        Database db = centre();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Facts facts = local.unshipped(config.batchSize());
            if (facts.isEmpty()) {
                break;
            }
            centreApply.apply(db, facts);
            local.shipped(facts);
            shipped.addAndGet(facts.size());
        }
        pullErasures(db);
        pullMembers(db);
        pullCredentials(db);
    }

    private void pullErasures(Database db) throws SQLException {
        List<CentreFeed.Erased> rows;
        do {
            rows = feed.erasures(db, apply.watermark(LocalApply.ERASURES), config.batchSize());
            apply.erasures(rows);
            pulled.addAndGet(rows.size());
        } while (rows.size() >= config.batchSize());
    }

    private void pullMembers(Database db) throws SQLException {
        List<Facts.MemberRow> rows;
        do {
            rows = feed.members(db, apply.watermark(LocalApply.MEMBERS), config.batchSize());
            apply.members(rows);
            pulled.addAndGet(rows.size());
        } while (rows.size() >= config.batchSize());
    }

    private void pullCredentials(Database db) throws SQLException {
        List<Facts.CredentialRow> rows;
        boolean complete;
        do {
            rows = feed.credentials(db, apply.watermark(LocalApply.CREDENTIALS), config.batchSize());
            complete = apply.credentials(rows);
            pulled.addAndGet(rows.size());
        } while (complete && rows.size() >= config.batchSize());
    }

    private Database centre() throws Exception {
        if (centre == null) {
            centre = source.open();
        }
        return centre;
    }

    private void run() {
        Duration pause = config.syncInterval();
        while (running) {
            try {
                syncOnce();
                if (status.downSince() != null) {
                    LOG.log(System.Logger.Level.INFO, "chain link up again (down since {0}), outbox drained",
                            status.downSince());
                }
                status = new ChainStatus("UP", 0, 0, 0, clock.instant(), null, null);
                depthCountedNanos = System.nanoTime() - DEPTH_EVERY_NANOS - 1; // drained: count again when asked
                pause = config.syncInterval();
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                ChainStatus before = status;
                Instant since = before.downSince() != null ? before.downSince() : clock.instant();
                if (before.downSince() == null) {
                    LOG.log(System.Logger.Level.WARNING, "chain link down, the store carries on alone: {0}", e.toString());
                }
                status = new ChainStatus("DOWN", 0, 0, 0, before.lastSync(), since, e.toString());
                pause = before.downSince() == null ? config.syncInterval() : min(pause.multipliedBy(2), config.maxBackoff());
            }
            sleep(pause);
        }
    }

    /** Rows waiting for the centre; the store's own database answers this even while the link is down. */
    private long depth() {
        long now = System.nanoTime();
        if (now - depthCountedNanos > DEPTH_EVERY_NANOS) {
            try {
                depth = local.depth();
                depthCountedNanos = now;
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "outbox depth not counted: {0}", e.toString());
            }
        }
        return depth;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the loop (a round in progress gets 5 s to end) and closes the centre's pool. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        Database db = centre;
        if (db != null) {
            db.close();
        }
    }
}
