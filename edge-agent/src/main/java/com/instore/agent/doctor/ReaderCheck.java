package com.instore.agent.doctor;

import com.instore.devices.DeviceStatus;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.ReadFailure;
import com.instore.devices.tap.TapListener;
import com.instore.devices.tap.TapReader;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Starts the configured reader, reports its health, and waits for one tap (or a failed read). Blocks the caller. */
final class ReaderCheck {
    /** PC/SC and SPI readers report their first status within a poll or two. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private ReaderCheck() {
    }

    static void run(Report report, TapReader reader, String type, Duration tapWait) throws InterruptedException {
        Events events = new Events();
        reader.start(events);
        DeviceStatus status = settle(reader);
        String line = "reader " + type + " (" + reader.name() + "): " + status.state() + words(status.detail());
        if (status.state() == DeviceStatus.State.OFFLINE) {
            report.fail(line, "the " + type + " reader is not usable: " + status.detail());
            return;
        }
        report.ok(line);
        if ("simulated".equals(type)) {
            report.info("tap: the simulated reader has no card to read (a running agent takes POST /simulate/tap)");
            return;
        }
        if (tapWait.isZero()) {
            report.info("tap: not tested (--tap-seconds 0)");
            return;
        }
        report.say("Tap a card or phone on the reader now (waiting " + tapWait.toSeconds() + " s)...");
        Object first = events.first.poll(tapWait.toMillis(), TimeUnit.MILLISECONDS);
        switch (first) {
            case CardRead read -> report.ok("tap: read " + read.kind() + " " + read.value() + " on " + read.reader());
            case ReadFailure failure -> report.fail("tap: something was held to the reader but not read: "
                    + failure.reason(), "a card was held to the reader but could not be read (" + failure.reason()
                    + "): try another card, and hold it still on the reader");
            case null -> report.fail("tap: nothing was read within " + tapWait.toSeconds() + " s",
                    "no tap was read within " + tapWait.toSeconds() + " s: check that the reader's light comes on"
                            + " and that the card or phone is held flat on it");
            default -> throw new IllegalStateException("unexpected event " + first);
        }
    }

    private static DeviceStatus settle(TapReader reader) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        DeviceStatus status = reader.status();
        // Polling a status, not asserting: the reader reports its state on its own thread a moment after start.
        while (status.state() != DeviceStatus.State.ONLINE && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = reader.status();
        }
        return status;
    }

    private static String words(String detail) {
        return detail.isEmpty() ? "" : " (" + detail + ")";
    }

    /** The reader's first tap or failed read. */
    private static final class Events implements TapListener {
        final BlockingQueue<Object> first = new LinkedBlockingQueue<>();

        @Override
        public void onTap(CardRead read) {
            first.offer(read);
        }

        @Override
        public void onStatus(DeviceStatus status) {
            // Read from the reader itself after settling.
        }

        @Override
        public void onReadFailure(ReadFailure failure) {
            first.offer(failure);
        }
    }
}
