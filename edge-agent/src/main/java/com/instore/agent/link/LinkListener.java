package com.instore.agent.link;

import com.instore.protocol.PrintJob;
import com.instore.protocol.ScreenUpdate;

/** What the link delivers to the kiosk. Called on the link's own thread: implementations return quickly. */
public interface LinkListener {
    /** The hub answered a tap (possibly a late answer to an old tap: the listener decides what to show). */
    void onScreenUpdate(ScreenUpdate update);

    /**
     * The tap is kept (durably): it reaches the hub now or after the next connect. {@code linkUp} says whether the link
     * is connected right now, i.e. whether an answer may still come soon.
     */
    void onTapKept(String tapId, boolean linkUp);

    /** The tap could not be kept (outbox full, disk full, outbox unusable) and will never reach the hub. */
    void onTapRefused(String tapId, String reason);

    /** The hub asks this kiosk to print a coupon (already decoded; invalid jobs are counted and dropped). */
    default void onPrintJob(PrintJob job) {
    }

    /** The hub's desired configuration arrived (raw: the receiver reports what it cannot read). Issue 7. */
    default void onDesiredConfig(byte[] payload) {
    }

    /**
     * A command arrived (raw); the result goes to {@code responseTopic} with {@code correlationData} (MQTT 5
     * request/response), both null when the hub set none. Issue 7.
     */
    default void onCommand(byte[] payload, String responseTopic, byte[] correlationData) {
    }
}
