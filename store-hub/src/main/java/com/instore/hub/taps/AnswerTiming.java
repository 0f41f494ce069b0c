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
     * about a third sooner. A kiosk keeps a tap until it has both its answer and the broker's PUBACK, and the hub's own
     * broker sends that PUBACK only after the sync, so a power cut in between loses nothing: the kiosk sends the tap again.
     * Over an external broker the PUBACK is the broker's own: the tap then survives such a power cut only if the broker
     * still holds its unacknowledged delivery to the hub. The same as {@link #AFTER_SYNC} on PostgreSQL.
     */
    AT_COMMIT;

    /**
     * Reads {@code answer} of the {@code hub.taps} node: {@code after-sync} or {@code at-commit}; when it is not set,
     * at-commit with the hub's own broker ({@code ownBroker}) and after-sync with an external one (see {@link #AT_COMMIT}).
     */
    public static AnswerTiming from(Config taps, boolean ownBroker) {
        var value = taps.get("answer").asString();
        if (value.isEmpty()) {
            return ownBroker ? AT_COMMIT : AFTER_SYNC;
        }
        try {
            return valueOf(value.get().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hub.taps.answer must be after-sync or at-commit, got '" + value.get() + "'",
                    e);
        }
    }
}
