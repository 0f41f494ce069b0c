package com.instore.agent.screen;

import com.instore.agent.link.ForwardingLinkListener;
import com.instore.agent.link.LinkListener;
import com.instore.protocol.ScreenUpdate;

import java.util.function.Consumer;

/**
 * Screen updates that come after the first answer to a tap: a redraw after a shopper action (a coupon to show, consents
 * changed: no name any more) replaces the screen of the tap still on it; a CLEAR (the member was erased) sends a screen
 * still showing that tap back to the attract loop at once. Everything else goes to the tap pipeline unchanged.
 * Thread-safe, non-blocking (called on the link's thread).
 */
public final class Redraws extends ForwardingLinkListener {
    private final ScreenBroadcaster screen;
    private final Consumer<ScreenState> showForTap;

    /**
     * @param pipeline   the tap pipeline: first answers, kept and refused taps, print jobs
     * @param showForTap shows a state for the tap on screen and restarts its idle timer
     */
    public Redraws(LinkListener pipeline, ScreenBroadcaster screen, Consumer<ScreenState> showForTap) {
        super(pipeline);
        this.screen = screen;
        this.showForTap = showForTap;
    }

    @Override
    public void onScreenUpdate(ScreenUpdate update) {
        ScreenState now = screen.current();
        boolean onScreen = update.tapId().equals(now.tapId());
        if (update.kind() == ScreenUpdate.Kind.CLEAR) {
            if (onScreen) {
                screen.show(ScreenState.attract());
            }
        } else if (onScreen && isAnswered(now)) {
            showForTap.accept(ScreenState.answer(update));
        } else {
            super.onScreenUpdate(update);
        }
    }

    private static boolean isAnswered(ScreenState state) {
        return ScreenState.MEMBER.equals(state.state()) || ScreenState.PRINT_FALLBACK.equals(state.state());
    }
}
