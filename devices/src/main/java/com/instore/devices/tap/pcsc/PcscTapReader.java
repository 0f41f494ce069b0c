package com.instore.devices.tap.pcsc;

import com.instore.devices.DeviceStatus;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.Credential;
import com.instore.devices.tap.ReadFailure;
import com.instore.devices.tap.ReadIds;
import com.instore.devices.tap.ReaderSpec;
import com.instore.devices.tap.TapListener;
import com.instore.devices.tap.TapReader;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Tap readers on PC/SC (javax.smartcardio over pcsc-lite): any contactless reader (ACR1252U, Identiv, ...) and the
 * ACR122U with its LED and buzzer. Phones (HCE, our AID), Type 2 NDEF tags and plain cards are read in the same loop; see
 * {@link CardInterrogator} for the exchanges.
 * <p>
 * {@link #start} returns at once: a daemon thread polls the readers (every {@code poll-ms}, 50 ms by default) and, while
 * PC/SC is unusable, retries every {@code recovery-ms} (1000 ms). Listener calls come from that thread. Health: ONLINE
 * with the reader names, OFFLINE "pcscd is not running", "no reader connected", "no permission to use pcscd ...". Not
 * debounced itself: {@link com.instore.devices.tap.TapReaders} wraps it.
 */
public final class PcscTapReader implements TapReader {
    /** Our kiosk app's AID: F0 (proprietary, not registered) followed by "INSTORE" in ASCII. */
    public static final String DEFAULT_AID = "F0494E53544F5245";

    private final String name;
    private final TerminalScanner scanner;
    private final Duration pollInterval;
    private final Duration recoveryInterval;
    private final Clock clock;
    private volatile TapListener listener;
    private volatile DeviceStatus status = DeviceStatus.offline("not started");
    private volatile boolean closed;
    private Thread thread;

    private PcscTapReader(String name, ReaderSpec spec, Predicate<String> filter, String noReaderText,
                          Function<byte[], CardType> types, ReaderFeedback feedback) {
        this.name = name;
        this.pollInterval = spec.millisOption("poll-ms", Duration.ofMillis(50));
        this.recoveryInterval = spec.millisOption("recovery-ms", Duration.ofSeconds(1));
        this.clock = Clock.systemUTC();
        CardSession session = new CardSession(new CardInterrogator(aid(spec)), types, feedback);
        this.scanner = new TerminalScanner(new PcscContext(), filter, noReaderText, session, new Relay());
    }

    /** Any PC/SC reader, or those whose name contains option {@code reader} (case-insensitive). Option {@code aid}. */
    public static PcscTapReader generic(ReaderSpec spec) {
        Predicate<String> filter = nameFilter(spec).orElse(n -> true);
        String noReader = spec.option("reader").map(r -> "no reader matching '" + r + "' connected")
                .orElse(PcscErrors.NO_READER);
        return new PcscTapReader("pcsc", spec, filter, noReader, CardType::fromHistoricalBytes, ReaderFeedback.NONE);
    }

    /**
     * ACS ACR122U: readers nfctools' {@code AcsTerminal} recognises (or whose name contains option {@code reader}); tag
     * types by nfctools' {@code AcsTagUtils}; LED and buzzer after each read unless {@code feedback=false}.
     */
    public static PcscTapReader acr122(ReaderSpec spec) {
        Predicate<String> filter = nameFilter(spec).orElse(Acr122.terminalFilter());
        ReaderFeedback feedback = Boolean.parseBoolean(spec.option("feedback", "true")) ? new Acr122.Feedback()
                : ReaderFeedback.NONE;
        return new PcscTapReader("acr122", spec, filter, "no ACR122 reader connected", Acr122::cardType, feedback);
    }

    private static java.util.Optional<Predicate<String>> nameFilter(ReaderSpec spec) {
        return spec.option("reader").map(r -> r.toLowerCase(Locale.ROOT))
                .map(r -> (Predicate<String>) n -> n.toLowerCase(Locale.ROOT).contains(r));
    }

    private static byte[] aid(ReaderSpec spec) {
        String hex = spec.option("aid", DEFAULT_AID).replace(" ", "");
        try {
            byte[] aid = HexFormat.of().parseHex(hex);
            if (aid.length < 5 || aid.length > 16) {
                throw new IllegalArgumentException("an AID has 5 to 16 bytes");
            }
            return aid;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reader option aid=" + hex + " is not a valid AID: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start(TapListener listener) {
        if (thread != null) {
            throw new IllegalStateException("reader " + name + " already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        thread = Thread.ofPlatform().daemon().name("tap-" + name).start(this::run);
    }

    private void run() {
        while (!closed) {
            boolean healthy = scanner.scan();
            try {
                Thread.sleep(healthy ? pollInterval : recoveryInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    /** Stops the polling thread (waits for a read in progress, a few hundred ms at most). */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        status = DeviceStatus.offline("closed");
    }

    /** Turns scanner events into listener calls; statuses only when they change. */
    private final class Relay implements TerminalScanner.Events {
        @Override
        public void status(DeviceStatus next) {
            if (!next.equals(status) && !closed) {
                status = next;
                listener.onStatus(next);
            }
        }

        @Override
        public void credential(Credential credential, String reader) {
            listener.onTap(new CardRead(ReadIds.next(), credential.kind(), credential.value(), reader, clock.instant()));
        }

        @Override
        public void failure(String reason, String reader) {
            listener.onReadFailure(new ReadFailure(reader, reason, clock.instant()));
        }
    }
}
