package com.instore.agent.system;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injects faults at random moments until stopped: SIGKILL of an agent (started again after a pause), SIGKILL of the hub
 * (started again on the same data directory), network cuts between an agent and the broker (restored after a pause), and
 * with an external broker SIGKILL of Mosquitto (started again on the same port and persistence directory). One fault at a
 * time. The first faults are one of each kind; the rest are drawn from a seeded {@link Random} (embedded: 4 in 10 agent
 * kills, 4 cuts, 2 hub kills; external: 3, 3, 2, and 2 broker kills). Runs on its own thread.
 */
final class Chaos implements Runnable {
    private final FaultStore store;
    private final Random random;
    private final AtomicBoolean stopped = new AtomicBoolean();
    final AtomicInteger agentKills = new AtomicInteger();
    final AtomicInteger hubKills = new AtomicInteger();
    final AtomicInteger networkCuts = new AtomicInteger();
    final AtomicInteger brokerKills = new AtomicInteger();
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
                switch (next(round)) {
                    case AGENT -> killAgent();
                    case NETWORK -> cutNetwork();
                    case HUB -> killHub();
                    case BROKER -> killBroker();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            failure = e;
        }
    }

    private enum Fault { AGENT, NETWORK, HUB, BROKER }

    private Fault next(int round) {
        Fault[] kinds = store.externalBroker() ? Fault.values() : new Fault[]{Fault.AGENT, Fault.NETWORK, Fault.HUB};
        if (round < kinds.length) {
            return kinds[round];
        }
        int draw = random.nextInt(10);
        if (store.externalBroker()) {
            return draw < 3 ? Fault.AGENT : draw < 6 ? Fault.NETWORK : draw < 8 ? Fault.HUB : Fault.BROKER;
        }
        return draw < 4 ? Fault.AGENT : draw < 8 ? Fault.NETWORK : Fault.HUB;
    }

    private void killBroker() throws Exception {
        store.killBroker();
        brokerKills.incrementAndGet();
        pause(200, 1_500);
        store.startBroker();
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
        List<String> kiosks = store.kiosks();
        return kiosks.get(random.nextInt(kiosks.size()));
    }

    private void pause(int minMs, int maxMs) throws InterruptedException {
        Thread.sleep(minMs + random.nextInt(maxMs - minMs));
    }
}
