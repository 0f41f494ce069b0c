package com.instore.hub.chain;

import com.instore.hub.api.JsonReply;
import com.instore.hub.db.Database;
import com.instore.protocol.MessageCodec;
import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The chain link (config/brokers/CHAIN.md, "Store autonomy"): a store hub running on its own database and broker
 * reconciles with the chain's central PostgreSQL in the background. Upward, every tap the store committed (with its points
 * ledger entry and coupons), every member it created or whose consents changed, every credential it linked, every coupon
 * redeemed at its tills and every member it erased reach the centre exactly once; downward, the erasures, members and
 * credentials the centre learnt from other stores reach the store (erasure always wins). With the
 * centre away the store works on alone and the outbox grows; when it is back, the outbox drains first, then the feed.
 * <p>
 * Status: {@code GET /api/chain} ({@link ChainStatus}); meters {@code hub.chain.link.up}, {@code hub.chain.outbox.depth},
 * {@code hub.chain.shipped}, {@code hub.chain.pulled}. Never touches the tap path: the outbox is the rows the store
 * writes anyway. Thread-safe; {@link #close} stops the sync thread.
 */
public final class ChainLink implements HttpService, AutoCloseable {
    private final ChainSync sync;
    private final JsonReply replies;

    /** The store's own erasure of a member (a no-op for an unknown one); blocking. */
    @FunctionalInterface
    public interface LocalEraser {
        void erase(String memberId) throws java.sql.SQLException;
    }

    private ChainLink(ChainSync sync, JsonReply replies) {
        this.sync = sync;
        this.replies = replies;
    }

    /**
     * Starts the link when {@code hub.chain.db.url} is set ({@code chain} is the {@code hub.chain} node), else empty. Never
     * blocks on the centre: it is opened (and migrated) by the sync thread, again and again while it cannot be reached.
     *
     * @param zone the chain's time zone (the day of the daily figures at the centre)
     */
    public static Optional<ChainLink> start(Config chain, Database store, LocalEraser eraser, ZoneId zone,
                                            MeterRegistry registry, MessageCodec codec, Clock clock) {
        Optional<ChainConfig> link = ChainConfig.from(chain);
        if (link.isPresent() && !store.isSqlite()) {
            throw new IllegalArgumentException("hub.chain needs the store on its own SQLite (no hub.db.url): a hub on the "
                    + "central PostgreSQL needs no chain link");
        }
        return link.map(config -> start(config, store, eraser, () -> Database.open(config.centre(),
                config.connectTimeout().toMillis()),
                zone, registry, codec, clock));
    }

    static ChainLink start(ChainConfig config, Database store, LocalEraser eraser, ChainSync.CentreSource centre,
                           ZoneId zone, MeterRegistry registry, MessageCodec codec, Clock clock) {
        ChainSync sync = new ChainSync(store, eraser, new CentreApply(zone, codec), centre, config, clock);
        JsonReply replies = new JsonReply(codec);
        ChainLink link = new ChainLink(sync, replies);
        Gauge.builder("hub.chain.link.up", link, l -> "UP".equals(l.status().link()) ? 1 : 0)
                .description("1 while the last sync reached the chain's centre").register(registry);
        Gauge.builder("hub.chain.outbox.depth", link, l -> l.status().outboxDepth())
                .description("rows the centre has not got yet").register(registry);
        FunctionCounter.builder("hub.chain.shipped", link, l -> l.status().shipped())
                .description("facts applied at the centre").register(registry);
        FunctionCounter.builder("hub.chain.pulled", link, l -> l.status().pulled())
                .description("centre changes applied at the store").register(registry);
        sync.start();
        return link;
    }

    /** The link's state, as of the last attempt. */
    public ChainStatus status() {
        return sync.status();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/chain", (req, res) -> replies.send(res, status()));
    }

    @Override
    public void close() throws InterruptedException {
        sync.close();
    }
}
