package com.instore.agent.screen;

/** Where the tap pipeline sends what the shopper should see. Implementations return at once and never throw. */
public interface Display {
    void show(ScreenState state);
}
