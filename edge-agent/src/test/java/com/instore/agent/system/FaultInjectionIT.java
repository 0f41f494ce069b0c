package com.instore.agent.system;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

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
 * Nothing lost, nothing counted twice, under faults: the packaged hub and three packaged agents as processes, a fixed
 * number of taps driven through the agents' simulated readers while agents and the hub are SIGKILLed at random moments and
 * the network between agents and broker is cut and restored through the test's own proxies. A tap counts as sent only
 * when its agent answered 202 with a tap id (it is then in the agent's fsync'd outbox). At the end every sent tap must be
 * in the hub's database exactly once and every member's points must be what their visits imply.
 * <p>
 * CI: about 300 taps over a minute. Nights: {@code ./run soak --minutes N} (system property {@code soak.minutes}).
 */
class FaultInjectionIT {
    private static final String[] CARDS = {"04A22B1A5C8001", "04B31C2A6D8102", "04C40D3B7E8203", "04D51E4C8F8304",
            "04FA0000000001", "04FA0000000002"};
    private static final Duration DRAIN = Duration.ofSeconds(180);

    @Test
    void tapsUnderKillsAndCuts_noneLost_noneCountedTwice() throws Exception {
        // Kept after the run (under target/): the processes' logs are the first thing to read when it fails.
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
                "fault-injection-");
        int minutes = Integer.getInteger("soak.minutes", 0);
        Duration driving = minutes > 0 ? Duration.ofMinutes(minutes) : Duration.ofSeconds(60);
        int tapsPerKiosk = minutes > 0 ? minutes * 60 * 2 : 100;
        Map<String, String> sent = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        try (FaultStore store = new FaultStore(dataDir).start()) {
            HubLedger ledger = new HubLedger(store.hubDatabase());
            Map<String, Long> baseline = ledger.points();
            DuplicateCount duplicates = new DuplicateCount(store);
            Chaos chaos = new Chaos(store, Long.getLong("chaos.seed", System.nanoTime()));
            Thread chaosThread = Thread.ofPlatform().name("chaos").start(chaos);
            Thread scraper = Thread.ofVirtual().start(duplicates);
            drive(store, driving, tapsPerKiosk, sent, refused);
            chaos.stop();
            chaosThread.join();
            assertThat(chaos.failure()).as("the chaos thread").isNull();
            store.heal();
            try {
                await().atMost(DRAIN).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .until(() -> ledger.processedTapIds().containsAll(sent.keySet()));
            } catch (ConditionTimeoutException e) {
                System.out.println("fault injection: not every sent tap reached the hub within " + DRAIN);
            }
            duplicates.stop();
            scraper.join();
            store.close();
            System.out.println("fault injection: logs and data in " + dataDir);
            Set<String> processed = ledger.processedTapIds();
            long lost = sent.keySet().stream().filter(id -> !processed.contains(id)).count();
            long doubleCounted = ledger.doubleCountedPoints(baseline);
            System.out.printf("%nFAULT INJECTION: taps sent %d (refused while down %d), taps processed %d (of which"
                            + " sent %d), duplicates suppressed %d, lost %d, double-counted points %d;"
                            + " agent kills %d, hub kills %d, network cuts %d%n%n", sent.size(), refused.get(),
                    processed.size(), sent.size() - lost, duplicates.total(), lost, doubleCounted,
                    chaos.agentKills.get(), chaos.hubKills.get(), chaos.networkCuts.get());
            sent.keySet().stream().filter(id -> !processed.contains(id))
                    .forEach(id -> System.out.println("LOST tap " + id + " from " + sent.get(id)));
            assertThat(lost).as("lost taps").isZero();
            assertThat(doubleCounted).as("double-counted points").isZero();
            assertThat(chaos.agentKills.get() + chaos.hubKills.get() + chaos.networkCuts.get()).isGreaterThanOrEqualTo(3);
        }
    }

    /** One thread per kiosk taps at an even pace until its share is sent or the time is up. */
    private static void drive(FaultStore store, Duration driving, int tapsPerKiosk, Map<String, String> sent,
                              AtomicInteger refused) throws InterruptedException {
        long pauseMs = driving.toMillis() / tapsPerKiosk;
        long deadline = System.nanoTime() + driving.plusSeconds(30).toNanos();
        List<Thread> drivers = new ArrayList<>();
        for (String kiosk : FaultStore.KIOSKS) {
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
