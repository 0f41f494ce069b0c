package com.instore.agent.system;

import org.awaitility.core.ConditionTimeoutException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One fault-injection run, shared by the embedded-broker and the Mosquitto runs: taps driven through the agents' simulated
 * readers at an even pace while {@link Chaos} injects faults; then everything is healed, the hub is given time to
 * catch up, and the figures are printed and checked. A tap counts as sent only when its agent answered 202 with a tap id
 * (it is then in the agent's fsync'd outbox). At the end every sent tap must be in the hub's database exactly once and
 * every member's points must be what their visits imply. Blocking; runs the test's threads itself.
 */
final class FaultRun {
    private static final String[] CARDS = {"04A22B1A5C8001", "04B31C2A6D8102", "04C40D3B7E8203", "04D51E4C8F8304",
            "04FA0000000001", "04FA0000000002"};
    private static final Duration DRAIN = Duration.ofSeconds(180);

    private final String name;
    private final Duration driving;
    private final int tapsPerKiosk;
    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    /** {@code soak.minutes} (./run soak) overrides the CI-sized defaults: 2 taps per second per kiosk for that long. */
    FaultRun(String name, Duration driving, int tapsPerKiosk) {
        int minutes = Integer.getInteger("soak.minutes", 0);
        this.name = name;
        this.driving = minutes > 0 ? Duration.ofMinutes(minutes) : driving;
        this.tapsPerKiosk = minutes > 0 ? minutes * 60 * 2 : tapsPerKiosk;
    }

    /** A fresh directory under target/, kept after the run: the processes' logs are the first thing to read on failure. */
    static Path dataDir(String prefix) throws java.io.IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), prefix);
    }

    /** Runs the store (already started) through the faults, prints the figures and asserts none lost, none doubled. */
    void run(FaultStore store, Path dataDir) throws Exception {
        long started = System.nanoTime();
        HubLedger ledger = new HubLedger(store.hubDatabase());
        Map<String, Long> baseline = ledger.points();
        DuplicateCount duplicates = new DuplicateCount(store);
        Chaos chaos = new Chaos(store, Long.getLong("chaos.seed", System.nanoTime()));
        Thread chaosThread = Thread.ofPlatform().name("chaos").start(chaos);
        Thread scraper = Thread.ofVirtual().start(duplicates);
        drive(store);
        chaos.stop();
        chaosThread.join();
        assertThat(chaos.failure()).as("the chaos thread").isNull();
        store.heal();
        try {
            await().atMost(DRAIN).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> ledger.processedTapIds().containsAll(sent.keySet()));
        } catch (ConditionTimeoutException e) {
            System.out.println(name + ": not every sent tap reached the hub within " + DRAIN);
        }
        duplicates.stop();
        scraper.join();
        store.close();
        System.out.println(name + ": logs and data in " + dataDir);
        Set<String> processed = ledger.processedTapIds();
        long lost = sent.keySet().stream().filter(id -> !processed.contains(id)).count();
        long doubleCounted = ledger.doubleCountedPoints(baseline);
        System.out.printf("%n%s: taps sent %d (refused while down %d), taps processed %d (of which sent %d),"
                        + " duplicates suppressed %d, lost %d, double-counted points %d; agent kills %d, hub kills %d,"
                        + " broker kills %d, network cuts %d; %d s%n%n", name.toUpperCase(), sent.size(), refused.get(),
                processed.size(), sent.size() - lost, duplicates.total(), lost, doubleCounted, chaos.agentKills.get(),
                chaos.hubKills.get(), chaos.brokerKills.get(), chaos.networkCuts.get(),
                (System.nanoTime() - started) / 1_000_000_000);
        sent.keySet().stream().filter(id -> !processed.contains(id))
                .forEach(id -> System.out.println("LOST tap " + id + " from " + sent.get(id)));
        assertThat(lost).as("lost taps").isZero();
        assertThat(doubleCounted).as("double-counted points").isZero();
        assertThat(chaos.agentKills.get() + chaos.hubKills.get() + chaos.brokerKills.get() + chaos.networkCuts.get())
                .isGreaterThanOrEqualTo(3);
    }

    /** One thread per kiosk taps at an even pace until its share is sent or the time is up. */
    private void drive(FaultStore store) throws InterruptedException {
        long pauseMs = driving.toMillis() / tapsPerKiosk;
        long deadline = System.nanoTime() + driving.plusSeconds(30).toNanos();
        List<Thread> drivers = new ArrayList<>();
        for (String kiosk : store.kiosks()) {
            drivers.add(Thread.ofPlatform().name("taps-" + kiosk).start(() -> {
                int mine = 0;
                for (int i = 0; mine < tapsPerKiosk && System.nanoTime() < deadline; i++) {
                    Optional<String> tapId = store.tap(kiosk, CARDS[i % CARDS.length]);
                    if (tapId.isPresent()) {
                        sent.put(tapId.get(), kiosk);
                        mine++;
                    } else {
                        refused.incrementAndGet();
                    }
                    sleep(pauseMs);
                }
            }));
        }
        for (Thread driver : drivers) {
            driver.join();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
