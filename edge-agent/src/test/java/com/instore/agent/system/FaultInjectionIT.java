package com.instore.agent.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Nothing lost, nothing counted twice, under faults, on the hub's embedded broker: the packaged hub and three packaged
 * agents as processes, a fixed number of taps driven through the agents' simulated readers while agents and the hub are
 * SIGKILLed at random moments and the network between agents and broker is cut and restored through the test's own
 * proxies ({@link FaultRun} says what is counted and checked).
 * <p>
 * CI: about 300 taps over a minute. Nights: {@code ./run soak --minutes N} (system property {@code soak.minutes}).
 */
class FaultInjectionIT {
    @Test
    void tapsUnderKillsAndCuts_noneLost_noneCountedTwice() throws Exception {
        Path dataDir = FaultRun.dataDir("fault-injection-");
        try (FaultStore store = new FaultStore(dataDir).start()) {
            new FaultRun("fault injection", Duration.ofSeconds(60), 100).run(store, dataDir);
        }
    }
}
