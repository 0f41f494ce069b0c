package com.instore.agent.link;

import com.instore.protocol.KioskStatus;

/** Builds the kiosk's retained status records; called on the link's thread at each (re)connect and on close. */
public interface StatusSource {
    /** ONLINE with the current device health. */
    KioskStatus online();

    /** OFFLINE: the Will and the goodbye on a clean shutdown. */
    KioskStatus offline();
}
