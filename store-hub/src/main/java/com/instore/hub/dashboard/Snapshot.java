package com.instore.hub.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * What the staff page shows at one moment, sent whole over SSE every second (and by {@code GET /api/dashboard}):
 * small (a store has a handful of kiosks), and a page that missed events is right again with the next one.
 * Pseudonymous: no name or member id anywhere.
 */
record Snapshot(String store, Instant at, List<KioskRow> kiosks, List<FeedItem> feed, Figures.Today today,
                List<Alert> alerts) {

    /** One kiosk's tile. {@code config}: "in sync", "drifting (desired v3, applied v2)" or "" when not provisioned. */
    record KioskRow(String id, String zone, boolean online, Instant lastSeen, String version, String reader,
                    String printer, String screen, String config, boolean drifting, Instant lastTap) {
    }

    /** One tap and what it led to, e.g. "Gold member - coffee - 2 offers - 38 ms". */
    record FeedItem(Instant at, String kiosk, String text) {
    }

    /** Something staff must act on; shown until the cause is gone. */
    record Alert(String severity, String kiosk, String kind, String message) {
    }
}
