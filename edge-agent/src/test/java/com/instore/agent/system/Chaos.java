package com.instore.agent.system;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injects faults at random moments until stopped: SIGKILL of an agent (started again after a pause), SIGKILL of the hub
 * (started again on the same data directory), and network cuts between an agent and the broker (restored after a pause).
 * The first three faults are one of each kind; the rest are drawn from a seeded {@link Random}. Runs on its own thread.
 */
final class Chaos implements Runnable {
    private final FaultStore store;
    private final Random random;
    private final AtomicBoolean stopped = new AtomicBoolean();
    final AtomicInteger agentKills = new AtomicInteger();
    final AtomicInteger hubKills = new AtomicInteger();
    final AtomicInteger networkCuts = new AtomicInteger();
    private volatile Throwable failure;

    Chaos(FaultStore store, long seed) {
        this.store = store;
        this.random = new Random(seed);
    }

    void stop() {
        stopped.set(true);
    }

    /** What made the chaos thread stop early (a process that would not start), or null. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            for (int round = 0; !stopped.get(); round++) {
                pause(1_000, 3_000);
                if (stopped.get()) {
                    return;
                }
                int kind = round < 3 ? round : random.nextInt(10);
                if (kind == 0 || kind >= 3 && kind < 6) {
                    killAgent();
                } else if (kind == 1 || kind >= 6 && kind < 9) {
                    cutNetwork();
                } else {
                    killHub();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            failure = e;
        }
    }

    private void killAgent() throws Exception {
        String kiosk = anyKiosk();
        store.killAgent(kiosk);
        agentKills.incrementAndGet();
        pause(300, 2_000);
        store.startAgent(kiosk);
    }

    private void cutNetwork() throws InterruptedException {
        String kiosk = anyKiosk();
        store.cutNetwork(kiosk);
        networkCuts.incrementAndGet();
        pause(500, 4_000);
        store.restoreNetwork(kiosk);
    }

    private void killHub() throws Exception {
        store.killHub();
        hubKills.incrementAndGet();
        pause(200, 1_500);
        store.startHub();
    }

    private String anyKiosk() {
        List<String> kiosks = FaultStore.KIOSKS;
        return kiosks.get(random.nextInt(kiosks.size()));
    }

    private void pause(int minMs, int maxMs) throws InterruptedException {
        Thread.sleep(minMs + random.nextInt(maxMs - minMs));
    }
}
