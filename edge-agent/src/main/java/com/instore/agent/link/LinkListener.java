package com.instore.agent.link;

import com.instore.protocol.ScreenUpdate;

/** What the link delivers to the kiosk. Called on the link's own thread: implementations return quickly. */
public interface LinkListener {
    /** The hub answered a tap (possibly a late answer to an old tap: the listener decides what to show). */
    void onScreenUpdate(ScreenUpdate update);
}
