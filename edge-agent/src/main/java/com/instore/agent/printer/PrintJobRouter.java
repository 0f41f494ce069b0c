package com.instore.agent.printer;

import com.instore.agent.link.LinkListener;
import com.instore.protocol.PrintJob;
import com.instore.protocol.ScreenUpdate;

import java.util.function.Consumer;

/** Passes the link's events on to the tap pipeline, print jobs to the printer. Same threading as the link. */
final class PrintJobRouter implements LinkListener {
    private final LinkListener delegate;
    private final Consumer<PrintJob> printer;

    PrintJobRouter(LinkListener delegate, Consumer<PrintJob> printer) {
        this.delegate = delegate;
        this.printer = printer;
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
        printer.accept(job);
    }
}
