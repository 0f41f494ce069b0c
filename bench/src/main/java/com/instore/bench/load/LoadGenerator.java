package com.instore.bench.load;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends taps from a {@link Fleet} on an open-loop {@link Schedule} and measures each tap from its due time to its
 * {@code ScreenUpdate}. One sender thread (the caller's) builds and publishes every tap; publishing never blocks, so a slow
 * system under test makes latency grow instead of slowing the schedule. Not thread-safe: one phase at a time.
 */
public final class LoadGenerator {
    private static final String READER = "bench-simulated";
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration MAX_SETTLE = Duration.ofSeconds(90);

    private final Fleet fleet;
    private final Population population;
    private final Duration timeout;
    private final MessageCodec codec = new MessageCodec();
    private final TimeBasedEpochGenerator tapIds = Generators.timeBasedEpochGenerator();
    private final long[] seq;

    public LoadGenerator(Fleet fleet, Population population, Duration timeout) {
        this.fleet = fleet;
        this.population = population;
        this.timeout = timeout;
        this.seq = new long[fleet.size()];
    }

    /**
     * Runs one phase; blocks for the schedule's duration plus the time the last answers take (at most the timeout). A phase
     * that timed out taps left a backlog in the system under test: it then waits until answers stop coming ({@link
     * #settle}), so that the next phase does not pay for this one.
     */
    public LoadResult run(Schedule schedule) {
        LoadResult result = runPhase(schedule);
        if (result.errors().timeouts() > 0) {
            settle();
        }
        return result;
    }

    /**
     * Waits until no answer has arrived for a second (at most 90 s): the system under test has worked off its backlog.
     * Returns the answers that arrived meanwhile.
     */
    public long settle() {
        long before = fleet.answersSeen();
        long deadline = System.nanoTime() + MAX_SETTLE.toNanos();
        long last = before;
        do {
            LockSupport.parkNanos(QUIET.toNanos());
            long now = fleet.answersSeen();
            if (now == last) {
                break;
            }
            last = now;
        } while (System.nanoTime() < deadline);
        return last - before;
    }

    private LoadResult runPhase(Schedule schedule) {
        Tally tally = new Tally(codec, timeout);
        fleet.route(tally);
        ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("bench-timeouts").daemon().factory());
        reaper.scheduleAtFixedRate(() -> tally.expire(System.nanoTime()), 50, 50, TimeUnit.MILLISECONDS);
        try {
            Sent sent = send(schedule, tally);
            drain(tally);
            tally.expireAll();
            return tally.result(schedule, sent.rate(), sent.cpu());
        } finally {
            reaper.shutdownNow();
            fleet.route(null);
        }
    }

    /** Sends the schedule; returns the rate at which measured taps actually left and the CPU used meanwhile. */
    private Sent send(Schedule schedule, Tally tally) {
        long start = System.nanoTime();
        Instant wallStart = Instant.now();
        long total = schedule.total();
        long firstMeasured = -1;
        CpuMeter cpu = null;
        for (long n = 0; n < total; n++) {
            long due = start + schedule.offsetNanos(n);
            waitUntil(due);
            boolean measured = schedule.measured(n);
            if (measured && firstMeasured < 0) {
                firstMeasured = System.nanoTime();
                cpu = new CpuMeter();
            }
            sendOne(tally, due, wallStart.plusNanos(due - start), measured);
        }
        long measuredNanos = Math.max(1, System.nanoTime() - Math.max(firstMeasured, start));
        return new Sent(schedule.measuredCount() / (measuredNanos / 1e9),
                cpu == null ? new CpuMeter.Usage(-1, -1) : cpu.stop());
    }

    private record Sent(double rate, CpuMeter.Usage cpu) {
    }

    private void sendOne(Tally tally, long due, Instant dueWall, boolean measured) {
        int index = population.nextKiosk();
        Fleet.Kiosk kiosk = fleet.kiosk(index);
        String tapId = tapIds.generate().toString();
        TapEvent tap = new TapEvent(SchemaVersion.CURRENT, tapId, dueWall, kiosk.address().kioskId(), READER,
                population.next(index).credential(), ++seq[index]);
        tally.expect(tapId, kiosk.address(), due, measured);
        kiosk.link().publish(kiosk.tapTopic(), codec.encode(tap), null, 0)
                .thenAccept(outcome -> tally.published(tapId, outcome));
    }

    private void drain(Tally tally) {
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(200);
        while (!tally.idle() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static void waitUntil(long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
