package com.instore.agent.tap;

import com.instore.agent.link.LinkListener;
import com.instore.agent.screen.Display;
import com.instore.agent.screen.ScreenState;
import com.instore.devices.DeviceStatus;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.ReadFailure;
import com.instore.devices.tap.TapListener;
import com.instore.protocol.Credential;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The kiosk's tap pipeline: a read shows "tap" at once (before any network or disk), becomes a {@link TapEvent} handed to
 * the link, and waits for the hub's answer. Only an answer for the tap on screen, arriving while it still waits, is shown.
 * The offline welcome ("your visit is recorded") is shown only once the tap is kept in the outbox: at once when the link
 * is down, otherwise after the answer timeout; the tap is delivered later. A tap the outbox refuses shows the refusal.
 * Every screen returns to the attract loop after a while. Thread-safe: reads, answers and timers may come on any thread;
 * each transition takes one short lock and never blocks.
 */
public final class TapPipeline implements TapListener, LinkListener {
    private static final Logger LOG = Logger.getLogger(TapPipeline.class.getName());
    /** Long enough to read "try again", short enough not to be in the way of the next tap. */
    private static final Duration UNREAD_FOR = Duration.ofSeconds(4);

    private final TapConfig config;
    private final KioskAddress kiosk;
    private final Display display;
    private final Consumer<TapEvent> sender;
    private final LongSupplier sequence;
    private final Consumer<DeviceStatus> readerStatus;
    private final Clock clock;
    private final Timers timers;
    private final TapMetrics metrics;
    /** Set live by the kiosk's desired configuration (issue 7); starts as {@code config.answerTimeout()}. */
    private volatile java.time.Duration answerTimeout;
    private String currentTap;
    private boolean kept;
    private boolean late;
    private String shown = ScreenState.ATTRACT;
    private Instant tapShownAt = Instant.EPOCH;
    private Timers.Cancellable pendingTimer = () -> { };

    TapPipeline(TapConfig config, KioskAddress kiosk, Display display, Consumer<TapEvent> sender, LongSupplier sequence,
                Consumer<DeviceStatus> readerStatus, Clock clock, Timers timers, MeterRegistry registry) {
        this.config = config;
        this.kiosk = kiosk;
        this.display = display;
        this.sender = sender;
        this.sequence = sequence;
        this.readerStatus = readerStatus;
        this.clock = clock;
        this.timers = timers;
        this.metrics = new TapMetrics(registry);
        this.answerTimeout = config.answerTimeout();
    }

    /** Changes how long the next taps wait for the hub's answer; taps already waiting keep theirs. Thread-safe. */
    public void answerTimeout(java.time.Duration timeout) {
        this.answerTimeout = java.util.Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param sender       takes each tap event for the hub (the link); must not block
     * @param sequence     the outbox sequence numbers
     * @param readerStatus told when the reader's health changes
     * @param scheduler    runs the answer timeout and the return to attract
     */
    public static TapPipeline create(TapConfig config, KioskAddress kiosk, Display display, Consumer<TapEvent> sender,
                                     LongSupplier sequence, Consumer<DeviceStatus> readerStatus, Clock clock,
                                     ScheduledExecutorService scheduler, MeterRegistry registry) {
        return new TapPipeline(config, kiosk, display, sender, sequence, readerStatus, clock, Timers.on(scheduler),
                registry);
    }

    @Override
    public void onTap(CardRead read) {
        synchronized (this) {
            currentTap = read.readId();
            kept = false;
            late = false;
            tapShownAt = clock.instant();
            show(ScreenState.tap(read.readId()));
            reschedule(answerTimeout, () -> timedOut(read.readId()));
        }
        metrics.tap();
        TapEvent event;
        try {
            event = new TapEvent(SchemaVersion.CURRENT, read.readId(), read.at(), kiosk.kioskId(), read.reader(),
                    new Credential(credentialType(read.kind()), read.value()), sequence.getAsLong());
        } catch (IllegalArgumentException e) {
            metrics.unreadable();
            LOG.warning("a read cannot become a tap event: " + e.getMessage());
            return;
        }
        sender.accept(event);
    }

    @Override
    public void onStatus(DeviceStatus status) {
        readerStatus.accept(status);
    }

    @Override
    public void onScreenUpdate(ScreenUpdate update) {
        synchronized (this) {
            // The answer for the tap on screen is shown even when it comes after the timeout: the offline welcome is a
            // stand-in for this very shopper, who is still in front of the kiosk. An answer for any other tap is not.
            if (!update.tapId().equals(currentTap)
                    || !(ScreenState.TAP.equals(shown) || ScreenState.OFFLINE.equals(shown))) {
                metrics.ignored();
                return;
            }
            ScreenState answer = ScreenState.answer(update);
            show(answer);
            metrics.answered(answer.state(), Duration.between(tapShownAt, clock.instant()));
            reschedule(config.idleAfter(), () -> backToAttract(update.tapId()));
        }
    }

    @Override
    public synchronized void onTapKept(String tapId, boolean linkUp) {
        if (tapId.equals(currentTap) && ScreenState.TAP.equals(shown)) {
            kept = true;
            if (!linkUp || late) {
                showRecorded(tapId);
            }
        }
    }

    @Override
    public synchronized void onTapRefused(String tapId, String reason) {
        metrics.refused();
        if (tapId.equals(currentTap) && ScreenState.TAP.equals(shown)) {
            show(ScreenState.refused(tapId));
            reschedule(config.idleAfter(), () -> backToAttract(tapId));
        }
    }

    /**
     * Nothing could be read from what was held to the reader: the shopper is asked to try again, unless a tap is waiting
     * for its answer (that screen is about a read that worked).
     */
    @Override
    public synchronized void onReadFailure(ReadFailure failure) {
        LOG.info(() -> "read failed on " + failure.reader() + ": " + failure.reason());
        if (!ScreenState.TAP.equals(shown)) {
            currentTap = null;
            show(ScreenState.unread());
            reschedule(UNREAD_FOR, this::backToAttractFromUnread);
        }
    }

    /**
     * Shows a screen about tap {@code state.tapId()} (the print fallback) for the idle time, unless another tap has taken
     * the screen since.
     */
    public synchronized void showForTap(ScreenState state) {
        String tapId = state.tapId();
        if (currentTap == null || currentTap.equals(tapId)) {
            currentTap = tapId;
            show(state);
            reschedule(config.idleAfter(), () -> backToAttract(tapId));
        }
    }

    private synchronized void backToAttractFromUnread() {
        if (ScreenState.UNREAD.equals(shown)) {
            show(ScreenState.attract());
        }
    }

    /** Runs {@code task} under the pipeline's lock: a heartbeat that stops when a transition is stuck. */
    public synchronized void ping(Runnable task) {
        task.run();
    }

    private synchronized void timedOut(String tapId) {
        if (tapId.equals(currentTap) && ScreenState.TAP.equals(shown)) {
            metrics.timedOut();
            late = true;
            if (kept) {
                showRecorded(tapId);
            }
        }
    }

    /** Only once the tap is on disk: "your visit is recorded" must be true. */
    private void showRecorded(String tapId) {
        show(ScreenState.offline(tapId));
        reschedule(config.idleAfter(), () -> backToAttract(tapId));
    }

    private synchronized void backToAttract(String tapId) {
        if (tapId.equals(currentTap)) {
            currentTap = null;
            show(ScreenState.attract());
        }
    }

    private void show(ScreenState state) {
        shown = state.state();
        display.show(state);
    }

    private void reschedule(Duration delay, Runnable task) {
        pendingTimer.cancel();
        pendingTimer = timers.schedule(delay, task);
    }

    static Credential.Type credentialType(CardRead.Kind kind) {
        return switch (kind) {
            case CARD_UID -> Credential.Type.CARD_UID;
            case NDEF -> Credential.Type.NDEF;
            case PHONE -> Credential.Type.PHONE;
            case SUN -> Credential.Type.SUN;
        };
    }
}
