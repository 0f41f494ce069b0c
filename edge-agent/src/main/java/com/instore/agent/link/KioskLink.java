package com.instore.agent.link;

import com.instore.protocol.TapEvent;

/**
 * The kiosk's connection to its hub. Every method returns at once and never throws for network reasons: connecting,
 * reconnecting and resending happen in the background; a tap handed to {@link #sendTap} is kept until the broker has
 * acknowledged it. Thread-safe.
 */
public interface KioskLink extends AutoCloseable {
    /** Starts connecting; answers for this kiosk go to {@code listener} (on the link's own thread). Called once. */
    void start(LinkListener listener);

    /**
     * Keeps a tap for the hub (QoS 1) and tells the listener whether it was kept; a kept tap is sent now if the link is
     * up, otherwise after the next connect, in order. Returns at once.
     */
    void sendTap(TapEvent tap);

    /** Republishes the retained ONLINE status (device health changed); ignored while offline. */
    void statusChanged();

    /** Whether the link is connected to the broker right now. */
    boolean connected();

    /** Publishes an OFFLINE status if connected, disconnects and releases the client. Blocks up to a few seconds. */
    @Override
    void close();
}
