package com.instore.bench.load;

import com.instore.bench.mqtt.MqttLink.PublishOutcome;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.ScreenUpdate;
import org.HdrHistogram.Recorder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The books of one load phase: taps awaiting their answer, the latency histogram and the error counters. Thread-safe:
 * the sender registers taps, network threads report PUBACKs and answers, a timer expires late taps.
 */
final class Tally {
    private static final long MAX_MICROS = Duration.ofMinutes(2).toNanos() / 1_000;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Taps that got their answer: a second answer is a duplicate. */
    private final Set<String> answeredIds = ConcurrentHashMap.newKeySet();
    /** Taps given up on (timed out, refused, failed): an answer after that is late. */
    private final Set<String> abandonedIds = ConcurrentHashMap.newKeySet();
    private final Recorder latency = new Recorder(1, MAX_MICROS, 3);
    private final MessageCodec codec;
    private final long timeoutNanos;
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder wrongCorrelation = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder late = new LongAdder();
    /** Answers and publish outcomes being counted right now: a tap leaves {@link #pending} before it is counted. */
    private final AtomicInteger counting = new AtomicInteger();

    Tally(MessageCodec codec, Duration timeout) {
        this.codec = codec;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Registers a tap before it is published (its answer may overtake the PUBACK). */
    void expect(String tapId, KioskAddress kiosk, long dueNanos, boolean measured) {
        pending.put(tapId, new Pending(kiosk, dueNanos, measured));
        if (measured) {
            sent.increment();
        }
    }

    void published(String tapId, PublishOutcome outcome) {
        if (outcome == PublishOutcome.ACCEPTED) {
            return;
        }
        counted(() -> abandon(tapId, outcome));
    }

    private void abandon(String tapId, PublishOutcome outcome) {
        Pending tap = pending.remove(tapId);
        if (tap != null) {
            abandonedIds.add(tapId);
            if (tap.measured()) {
                (outcome == PublishOutcome.REFUSED ? refused : failed).increment();
            }
        }
    }

    /** An answer on {@code kiosk}'s screen topic, received at {@code receivedNanos}. */
    void answer(KioskAddress kiosk, byte[] payload, byte[] correlation, long receivedNanos) {
        counted(() -> count(kiosk, payload, correlation, receivedNanos));
    }

    /** Runs {@code work} with the phase marked busy, so that it is not idle before the tap it took is counted. */
    private void counted(Runnable work) {
        counting.incrementAndGet();
        try {
            work.run();
        } finally {
            counting.decrementAndGet();
        }
    }

    private void count(KioskAddress kiosk, byte[] payload, byte[] correlation, long receivedNanos) {
        String tapId = new String(correlation, StandardCharsets.UTF_8);
        Pending tap = pending.remove(tapId);
        if (tap == null) {
            unexpected(tapId);
            return;
        }
        answeredIds.add(tapId);
        if (!matches(tap, kiosk, tapId, payload)) {
            return;
        }
        if (tap.measured()) {
            answered.increment();
            latency.recordValue(Math.clamp((receivedNanos - tap.dueNanos()) / 1_000, 1, MAX_MICROS));
        }
    }

    private void unexpected(String tapId) {
        if (answeredIds.contains(tapId)) {
            duplicates.increment();
        } else if (abandonedIds.contains(tapId)) {
            late.increment();
        } else {
            wrongCorrelation.increment();
        }
    }

    private boolean matches(Pending tap, KioskAddress kiosk, String tapId, byte[] payload) {
        ScreenUpdate update;
        try {
            update = codec.decode(payload, ScreenUpdate.class);
        } catch (InvalidMessageException e) {
            invalid.increment();
            return false;
        }
        if (!tap.kiosk().equals(kiosk) || !update.tapId().equals(tapId) || !update.kioskId().equals(kiosk.kioskId())) {
            wrongCorrelation.increment();
            return false;
        }
        return true;
    }

    /** Counts every tap still unanswered {@code timeout} after it was due as a timeout. */
    void expire(long nowNanos) {
        expireIf(tap -> nowNanos - tap.dueNanos() > timeoutNanos);
    }

    /** Counts every tap still unanswered as a timeout (the phase is over). */
    void expireAll() {
        expireIf(tap -> true);
    }

    private void expireIf(Predicate<Pending> givenUp) {
        pending.entrySet().removeIf(entry -> {
            boolean expired = givenUp.test(entry.getValue());
            if (expired) {
                abandonedIds.add(entry.getKey());
                if (entry.getValue().measured()) {
                    timeouts.increment();
                }
            }
            return expired;
        });
    }

    /** Whether every tap is answered or given up and counted (pending first: a tap is counted after it leaves it). */
    boolean idle() {
        return pending.isEmpty() && counting.get() == 0;
    }

    LoadResult result(Schedule schedule, double achievedSendRate) {
        return result(schedule, achievedSendRate, new CpuMeter.Usage(-1, -1));
    }

    LoadResult result(Schedule schedule, double achievedSendRate, CpuMeter.Usage cpu) {
        var errors = new LoadResult.Errors(timeouts.sum(), refused.sum(), failed.sum(), wrongCorrelation.sum(),
                invalid.sum(), duplicates.sum(), late.sum());
        return new LoadResult(schedule.ratePerSecond(), schedule.measure(), sent.sum(), answered.sum(), errors,
                latency.getIntervalHistogram(), achievedSendRate, cpu.benchJvm(), cpu.machine());
    }

    private record Pending(KioskAddress kiosk, long dueNanos, boolean measured) {
    }
}
