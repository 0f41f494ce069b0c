package com.instore.devices.tap.mfrc522;

import com.instore.devices.DeviceStatus;
import com.instore.devices.gpio.OutputPin;
import com.instore.devices.gpio.Pi4jBoard;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.CardReadException;
import com.instore.devices.tap.ReadFailure;
import com.instore.devices.tap.ReadIds;
import com.instore.devices.tap.ReaderSpec;
import com.instore.devices.tap.TapListener;
import com.instore.devices.tap.TapReader;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cheap MFRC522 reader wired to a Raspberry Pi's SPI: card UIDs (4, 7 or 10 bytes) as {@link CardRead.Kind#CARD_UID}.
 * {@link #start} returns at once; a daemon thread polls for cards every {@code poll-ms} and checks the chip's version
 * register about once a second: a chip that stops answering (unplugged, SPI gone) turns the status OFFLINE and the
 * reader re-initialises it when it answers again. Listener calls come from that thread. Not debounced itself.
 */
public final class Mfrc522TapReader implements TapReader {
    private static final int HEALTH_CHECK_EVERY = 20;

    private final String name;
    private final Supplier<SpiBus> spiOpener;
    private final Optional<OutputPin> resetPin;
    private final Duration pollInterval;
    private final Duration recoveryInterval;
    private final Clock clock;
    private volatile TapListener listener;
    private volatile DeviceStatus status = DeviceStatus.offline("not started");
    private volatile boolean closed;
    private Thread thread;
    private SpiBus spi;
    private Mfrc522 chip;

    Mfrc522TapReader(String name, Supplier<SpiBus> spiOpener, Optional<OutputPin> resetPin, Duration pollInterval,
                     Duration recoveryInterval, Clock clock) {
        this.name = name;
        this.spiOpener = spiOpener;
        this.resetPin = resetPin;
        this.pollInterval = pollInterval;
        this.recoveryInterval = recoveryInterval;
        this.clock = clock;
    }

    /** From a spec (see {@link com.instore.devices.tap.TapReaders} for the options). Opens nothing before start. */
    public static Mfrc522TapReader onPi4j(ReaderSpec spec) {
        int bus = spec.intOption("spi-bus", 0);
        int channel = spec.intOption("spi-channel", 0);
        int baud = spec.intOption("baud", 1_000_000);
        int reset = spec.intOption("reset-pin", 25);
        Supplier<SpiBus> opener = () -> new Pi4jSpiBus(bus, channel, baud);
        Optional<OutputPin> resetPin = reset < 0 ? Optional.empty()
                : Optional.of(new LazyPin(() -> Pi4jBoard.output(reset, "mfrc522-reset")));
        return new Mfrc522TapReader("mfrc522 spi" + bus + "." + channel, opener, resetPin,
                spec.millisOption("poll-ms", Duration.ofMillis(50)), spec.millisOption("recovery-ms", Duration.ofSeconds(1)),
                Clock.systemUTC());
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
        thread = Thread.ofPlatform().daemon().name("tap-mfrc522").start(this::run);
    }

    private void run() {
        int polls = 0;
        while (!closed) {
            boolean healthy = chip != null || connect();
            if (healthy && ++polls % HEALTH_CHECK_EVERY == 0) {
                healthy = chipAnswers();
            }
            if (healthy) {
                poll();
            }
            if (!sleep(chip != null ? pollInterval : recoveryInterval)) {
                return;
            }
        }
    }

    private boolean connect() {
        try {
            resetPin.ifPresent(pin -> pin.set(true)); // NRSTPD high: the chip runs
            if (spi == null) {
                spi = spiOpener.get();
            }
            Mfrc522 candidate = new Mfrc522(spi);
            int version = candidate.version();
            if (version == 0x00 || version == 0xFF) {
                return offline("MFRC522 not answering on SPI (check the wiring)");
            }
            candidate.init();
            chip = candidate;
            setStatus(DeviceStatus.online(String.format("%s (MFRC522 version %02X)", name, version)));
            return true;
        } catch (IOException | RuntimeException e) {
            return offline(e.getMessage());
        }
    }

    private boolean chipAnswers() {
        try {
            int version = chip.version();
            if (version != 0x00 && version != 0xFF) {
                return true;
            }
        } catch (IOException e) {
            // falls through: same as a silent chip
        }
        chip = null;
        return offline("MFRC522 stopped answering on SPI (unplugged?)");
    }

    private void poll() {
        Iso14443a cards = new Iso14443a(chip);
        try {
            Optional<Iso14443a.Activated> card = cards.activate();
            if (card.isPresent()) {
                cards.halt();
                String uid = HexFormat.of().withUpperCase().formatHex(card.get().uid());
                listener.onTap(new CardRead(ReadIds.next(), CardRead.Kind.CARD_UID, uid, name, clock.instant()));
            }
        } catch (CardReadException | Mfrc522.CollisionException e) {
            listener.onReadFailure(new ReadFailure(name, e.getMessage(), clock.instant()));
        } catch (IOException e) {
            chip = null;
            offline(e.getMessage());
        }
    }

    private boolean offline(String reason) {
        setStatus(DeviceStatus.offline(reason));
        return false;
    }

    private void setStatus(DeviceStatus next) {
        if (!next.equals(status) && !closed) {
            status = next;
            listener.onStatus(next);
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    /** Stops the thread, then releases SPI and the reset pin. */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (spi != null) {
            spi.close();
        }
        resetPin.ifPresent(OutputPin::close);
        status = DeviceStatus.offline("closed");
    }
}
