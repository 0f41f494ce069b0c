package com.instore.agent.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sums the hub's {@code hub_taps_duplicate_total} over its lives: the counter starts at zero with every hub process, so the
 * last value scraped from each one is kept (a lower bound: redeliveries in a hub's last half second before a SIGKILL are
 * missed). Scrapes twice a second on its own thread until stopped.
 */
final class DuplicateCount implements Runnable {
    private static final String SERIES = "hub_taps_duplicate_total";
    private final FaultStore store;
    private final Map<Integer, Double> lastPerHub = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    DuplicateCount(FaultStore store) {
        this.store = store;
    }

    void stop() {
        stopped = true;
    }

    long total() {
        return Math.round(lastPerHub.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Override
    public void run() {
        while (!stopped) {
            int generation = store.hubGeneration();
            store.metrics().flatMap(DuplicateCount::duplicates).ifPresent(n -> lastPerHub.merge(generation, n, Math::max));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
        store.metrics().flatMap(DuplicateCount::duplicates)
                .ifPresent(n -> lastPerHub.merge(store.hubGeneration(), n, Math::max));
    }

    private static java.util.Optional<Double> duplicates(String scrape) {
        return scrape.lines().filter(l -> l.startsWith(SERIES + " ") || l.startsWith(SERIES + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst();
    }
}
