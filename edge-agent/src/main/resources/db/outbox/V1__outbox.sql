-- The kiosk's durable outbox (DESIGN.md section 7): one row per tap that the broker has not acknowledged yet.
CREATE TABLE outbox (
    -- The TapEvent's seq. AUTOINCREMENT keeps the highest seq ever stored in sqlite_sequence even after every row is
    -- deleted, so the numbering continues after a restart instead of starting again at 1.
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The idempotency key the hub dedupes by; unique so that storing the same tap twice keeps one row.
    tap_id    TEXT    NOT NULL UNIQUE,
    -- The encoded TapEvent, byte for byte what is published.
    payload   BLOB    NOT NULL,
    -- queued: never handed to the broker; sent: published at least once, PUBACK not seen yet;
    -- unreadable: the payload no longer decodes (kept for a human, never deleted, never sent).
    state     TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'unreadable')),
    attempts  INTEGER NOT NULL DEFAULT 0,
    stored_at TEXT    NOT NULL
);
