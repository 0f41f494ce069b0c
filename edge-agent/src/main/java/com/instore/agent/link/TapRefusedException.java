package com.instore.agent.link;

/**
 * A tap could not be kept (the outbox is full, the disk is full, the outbox file cannot be written): it will never reach
 * the hub, and the shopper must be told so. The message says why, in words a member of staff can act on.
 */
public final class TapRefusedException extends Exception {
    public TapRefusedException(String message) {
        super(message);
    }
}
