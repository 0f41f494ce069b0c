package com.instore.agent.printer;

import com.instore.agent.link.ForwardingLinkListener;
import com.instore.agent.link.LinkListener;
import com.instore.protocol.PrintJob;

import java.util.function.Consumer;

/** Passes the link's events on to the tap pipeline, print jobs to the printer. Same threading as the link. */
final class PrintJobRouter extends ForwardingLinkListener {
    private final Consumer<PrintJob> printer;

    PrintJobRouter(LinkListener delegate, Consumer<PrintJob> printer) {
        super(delegate);
        this.printer = printer;
    }

    @Override
    public void onPrintJob(PrintJob job) {
        printer.accept(job);
    }
}
