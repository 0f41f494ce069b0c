package com.instore.agent.it;

import com.instore.agent.link.InMemoryPendingTaps;
import com.instore.agent.link.LinkConfig;
import com.instore.agent.link.LinkListener;
import com.instore.agent.link.MqttLink;
import com.instore.agent.link.StatusSource;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 kiosk links (just the MQTT link, not the whole agent) on one broker, all cut at the same instant, as when the
 * store's switch or the hub blips: the jittered backoff must spread their reconnects instead of hitting the broker with
 * 200 connects in the same few milliseconds, and every kiosk must be back within about 15 s.
 */
class ReconnectStormIT {
    private static final int KIOSKS = 200;
    private static final long WINDOW_NANOS = Duration.ofMillis(100).toNanos();

    @TempDir
    Path tempDir;
    private final List<MqttLink> links = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        try (ExecutorService closer = Executors.newVirtualThreadPerTaskExecutor()) {
            links.forEach(link -> closer.execute(link::close));
        }
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void twoHundredKiosksCutAtOnce_reconnectSpreadOverTime_andAllWithin15s() throws Exception {
        TestBroker broker = use(TestBroker.start(tempDir.resolve("broker")));
        TcpProxy proxy = use(new TcpProxy(broker.port()));
        Path secret = Files.writeString(tempDir.resolve("kiosk.secret"), "kiosk-secret");
        for (int i = 0; i < KIOSKS; i++) {
            KioskAddress kiosk = new KioskAddress("demo-store", "kiosk-" + i);
            MqttLink link = MqttLink.create(new LinkConfig(kiosk, proxy.uri(), secret), new Statuses(kiosk.kioskId()),
                    new InMemoryPendingTaps(), new MessageCodec(), new SimpleMeterRegistry());
            links.add(link);
            link.start(new IgnoreEverything());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> links.stream().allMatch(MqttLink::connected));
        int acceptedBefore = proxy.acceptedAt().size();
        long cutAt = System.nanoTime();

        proxy.cutAll();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> links.stream().allMatch(MqttLink::connected));
        List<Long> offsets = proxy.acceptedAt().stream().skip(acceptedBefore).map(at -> at - cutAt).sorted().toList();
        assertThat(offsets).hasSizeGreaterThanOrEqualTo(KIOSKS);
        int busiest = busiestWindow(offsets);
        System.out.printf("observed reconnect storm of %d kiosks: first %d ms, median %d ms, last %d ms after the cut; "
                + "busiest 100 ms window held %d connects%n", KIOSKS, offsets.getFirst() / 1_000_000,
                offsets.get(offsets.size() / 2) / 1_000_000, offsets.getLast() / 1_000_000, busiest);
        assertThat(offsets.getLast() - offsets.getFirst()).isGreaterThan(Duration.ofMillis(500).toNanos());
        // Uniform jitter over a second puts about 20 connects in a 100 ms window; on a loaded 2-core test machine the
        // accepts bunch up behind CPU starvation, so the bound only says "spread", not "perfectly uniform".
        assertThat(busiest).isLessThan(KIOSKS / 2);
    }

    /** The most connects that fell into any 100 ms window. */
    private static int busiestWindow(List<Long> sortedOffsets) {
        int busiest = 0;
        int start = 0;
        for (int end = 0; end < sortedOffsets.size(); end++) {
            while (sortedOffsets.get(end) - sortedOffsets.get(start) >= WINDOW_NANOS) {
                start++;
            }
            busiest = Math.max(busiest, end - start + 1);
        }
        return busiest;
    }

    private <T extends AutoCloseable> T use(T resource) {
        resources.add(resource);
        return resource;
    }

    private record Statuses(String kioskId) implements StatusSource {
        @Override
        public KioskStatus online() {
            return status(KioskStatus.Presence.ONLINE);
        }

        @Override
        public KioskStatus offline() {
            return status(KioskStatus.Presence.OFFLINE);
        }

        private KioskStatus status(KioskStatus.Presence presence) {
            return new KioskStatus(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), kioskId, presence,
                    "test", null, null, null);
        }
    }

    private static final class IgnoreEverything implements LinkListener {
        @Override
        public void onScreenUpdate(ScreenUpdate update) {
        }

        @Override
        public void onTapKept(String tapId, boolean linkUp) {
        }

        @Override
        public void onTapRefused(String tapId, String reason) {
        }
    }
}
