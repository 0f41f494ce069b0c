package com.instore.agent.link;

import com.instore.protocol.PrintJob;
import com.instore.protocol.ScreenUpdate;

/**
 * A link listener that passes every event on to another one: wrappers override only the events they handle, so no event is
 * dropped by a wrapper that forgot to forward it. Same threading as the link.
 */
public abstract class ForwardingLinkListener implements LinkListener {
    private final LinkListener delegate;

    protected ForwardingLinkListener(LinkListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onScreenUpdate(ScreenUpdate update) {
        delegate.onScreenUpdate(update);
    }

    @Override
    public void onTapKept(String tapId, boolean linkUp) {
        delegate.onTapKept(tapId, linkUp);
    }

    @Override
    public void onTapRefused(String tapId, String reason) {
        delegate.onTapRefused(tapId, reason);
    }

    @Override
    public void onPrintJob(PrintJob job) {
        delegate.onPrintJob(job);
    }

    @Override
    public void onDesiredConfig(byte[] payload) {
        delegate.onDesiredConfig(payload);
    }

    @Override
    public void onCommand(byte[] payload, String responseTopic, byte[] correlationData) {
        delegate.onCommand(payload, responseTopic, correlationData);
    }
}
