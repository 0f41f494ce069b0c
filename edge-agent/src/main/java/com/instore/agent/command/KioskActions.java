package com.instore.agent.command;

import java.util.Map;

/** What a kiosk can be told to do remotely. Each may block; the runner bounds it by the command's timeout. */
public interface KioskActions {
    /** Blinks and beeps so that staff find the kiosk; returns what was done. */
    String identify() throws Exception;

    /** Prints a test page; returns what was done; throws with the reason when printing failed. */
    String printTestPage() throws Exception;

    /** Applies the desired configuration again. */
    String reloadConfig() throws Exception;

    /** Restarts the kiosk screen. */
    String restartScreen() throws Exception;

    /** Versions, devices, link and outbox state, as named values. */
    Map<String, String> diagnostics() throws Exception;
}
