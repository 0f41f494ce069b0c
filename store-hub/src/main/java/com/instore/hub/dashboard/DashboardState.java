package com.instore.hub.dashboard;

import com.instore.hub.kiosks.Fleet;
import com.instore.hub.kiosks.KioskView;
import com.instore.hub.taps.RecentTap;
import com.instore.hub.taps.TapPipeline;
import com.instore.protocol.DeviceHealth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@link Snapshot}s, at most one a second however many pages are open (the last one is reused). Blocking
 * (database); thread-safe.
 */
final class DashboardState {
    static final int FEED = 30;

    private final Fleet fleet;
    private final TapPipeline taps;
    private final Figures figures;
    private final Alerts alerts;
    private final Clock clock;
    private Snapshot last;

    DashboardState(Fleet fleet, TapPipeline taps, Figures figures, Alerts alerts, Clock clock) {
        this.fleet = fleet;
        this.taps = taps;
        this.figures = figures;
        this.alerts = alerts;
        this.clock = clock;
    }

    synchronized Snapshot current() throws SQLException {
        Instant now = clock.instant();
        if (last == null || now.toEpochMilli() - last.at().toEpochMilli() >= 1000) {
            last = build(now);
        }
        return last;
    }

    private Snapshot build(Instant now) throws SQLException {
        List<KioskView> kiosks = fleet.kiosks();
        Figures.Today today = figures.today(now);
        List<Snapshot.KioskRow> rows = kiosks.stream().map(k -> row(k, today.lastTap().get(k.kioskId()))).toList();
        List<Snapshot.FeedItem> feed = taps.recent(FEED).stream().map(DashboardState::feedItem).toList();
        return new Snapshot(fleet.storeName(), now, rows, feed, today, alerts.of(kiosks, today, now));
    }

    private static Snapshot.KioskRow row(KioskView k, Instant lastTap) {
        KioskView.ConfigSync sync = k.config();
        String config = sync == null ? "" : sync.drift()
                ? "drifting (desired v" + sync.desiredVersion() + ", applied v" + sync.appliedVersion() + ")"
                + (sync.refusal().isEmpty() ? "" : ": " + sync.refusal())
                : "in sync (v" + sync.appliedVersion() + ")";
        return new Snapshot.KioskRow(k.kioskId(), k.zone(), k.online(), k.lastSeen(), k.version(), health(k.reader()),
                health(k.printer()), health(k.screen()), config, sync != null && sync.drift(), lastTap);
    }

    static String health(DeviceHealth h) {
        if (h == null) {
            return "unknown";
        }
        String state = h.state().name().toLowerCase(Locale.ROOT);
        return h.detail().isEmpty() ? state : state + " (" + h.detail() + ")";
    }

    static Snapshot.FeedItem feedItem(RecentTap t) {
        String who = !t.recognised() ? "Guest"
                : t.tier() == null || t.tier().isBlank() ? "Member" : capitalised(t.tier()) + " member";
        String offers = t.offerCount() == 1 ? "1 offer" : t.offerCount() + " offers";
        String latency = t.latencyMicros() == null ? "" : String.format(Locale.ROOT, " - %.0f ms", t.latencyMicros() / 1000.0);
        return new Snapshot.FeedItem(t.receivedAt(), t.kioskId(), who + " - " + t.kioskId() + " - " + offers + latency);
    }

    private static String capitalised(String tier) {
        String lower = tier.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
