package com.instore.hub.taps;

import io.helidon.config.Config;

import java.util.Locale;

/**
 * When a tap's answer leaves the hub, against when its commit reaches the disk ({@code hub.taps.answer}). Either way the
 * tap is acknowledged to the broker only once it is on disk, and a crash of the hub's process loses nothing committed.
 */
public enum AnswerTiming {
    /** After the commit is on disk (SQLite {@code synchronous=FULL}): a power cut loses no tap that was answered. */
    AFTER_SYNC,
    /**
     * As soon as the tap is committed, before the disk sync ({@link com.instore.hub.db.Database#holdDeferringSync}):
     * sooner, but a power cut in the fraction of a millisecond before the sync may lose a tap whose answer a kiosk has
     * already shown (and taken out of its outbox). The same as {@link #AFTER_SYNC} on PostgreSQL.
     */
    AT_COMMIT;

    /** Reads {@code answer} of the {@code hub.taps} node: {@code after-sync} (default) or {@code at-commit}. */
    public static AnswerTiming from(Config taps) {
        String value = taps.get("answer").asString().orElse("after-sync");
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hub.taps.answer must be after-sync or at-commit, got '" + value + "'", e);
        }
    }
}
