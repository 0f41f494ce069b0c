package com.instore.bench;

import com.instore.bench.load.Roster;

import java.io.PrintStream;
import java.nio.file.Path;

/** The real store hub as the system under test (wired once store-hub is committed). */
final class HubSystem {
    private HubSystem() {
    }

    static SystemUnderTest start(BenchOptions options, Roster roster, Path dir, PrintStream out) {
        throw new UnsupportedOperationException("hub mode is not wired yet: store-hub is not committed");
    }
}
