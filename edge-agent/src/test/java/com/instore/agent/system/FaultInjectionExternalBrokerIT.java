package com.instore.agent.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Nothing lost, nothing counted twice, under faults, in chain mode: the packaged hub on an external Mosquitto (the
 * shipped config/brokers/mosquitto.conf: persistence with its periodic autosave, dynamic security with kiosk accounts made
 * by the hub) and two packaged agents connected to Mosquitto through the test's proxies. Besides agent and hub kills and
 * network cuts, Mosquitto itself is SIGKILLed at random moments and started again on the same port and persistence
 * directory: what it PUBACKed since its last autosave is gone from it, so only the agents' outboxes can bring it back
 * ({@link FaultRun} says what is counted and checked).
 * <p>
 * CI: about 90 taps over 30 s (about 90 s with start-up and drain on a loaded 2-core machine). Nights: {@code ./run soak --broker mosquitto --minutes N}.
 */
class FaultInjectionExternalBrokerIT {
    @Test
    void tapsUnderBrokerHubAndAgentKillsAndCuts_noneLost_noneCountedTwice() throws Exception {
        Path dataDir = FaultRun.dataDir("fault-injection-mosquitto-");
        try (FaultStore store = FaultStore.onMosquitto(dataDir).start(List.of("entrance", "coffee"))) {
            new FaultRun("fault injection (mosquitto)", Duration.ofSeconds(30), 45).run(store, dataDir);
        }
    }
}
