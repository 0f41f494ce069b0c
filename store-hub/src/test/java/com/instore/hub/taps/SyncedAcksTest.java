package com.instore.hub.taps;

import com.instore.hub.mqtt.HubClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Acknowledgements after the disk: one sync for everything that waited, nothing acknowledged when the sync fails. */
class SyncedAcksTest {
    private final TapBatchTest.Acks recorded = new TapBatchTest.Acks();
    private final List<String> events = recorded.events;
    private final AtomicInteger unacknowledged = new AtomicInteger();

    private HubClient.Completion tap(String name) {
        return recorded.completion(name);
    }

    @Test
    void afterSync_batchesHandedOverDuringASync_areAcknowledgedTogetherAfterOneMoreSync() throws Exception {
        CountDownLatch firstSyncStarted = new CountDownLatch(1);
        CountDownLatch diskDone = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        try (SyncedAcks acks = SyncedAcks.start(() -> {
            events.add("sync " + syncs.incrementAndGet());
            firstSyncStarted.countDown();
            try {
                diskDone.await(); // the disk is slow this time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, unacknowledged::incrementAndGet)) {
            acks.afterSync(List.of(tap("a")));
            assertThat(firstSyncStarted.await(5, TimeUnit.SECONDS)).isTrue();
            acks.afterSync(List.of(tap("b1"), tap("b2")));
            acks.afterSync(List.of(tap("c")));
            assertThat(events).containsExactly("sync 1"); // nothing is acknowledged before its sync
            diskDone.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 6);
            assertThat(events).containsExactly("sync 1", "handled a", "sync 2", "handled b1", "handled b2", "handled c");
            assertThat(unacknowledged).hasValue(0);
        }
    }

    @Test
    void afterSync_diskRefuses_nothingOfItIsAcknowledgedAndTheNextSyncWorksAgain() throws Exception {
        AtomicInteger syncs = new AtomicInteger();
        try (SyncedAcks acks = SyncedAcks.start(() -> {
            if (syncs.incrementAndGet() == 1) {
                throw new IOException("No space left on device");
            }
        }, unacknowledged::incrementAndGet)) {
            acks.afterSync(List.of(tap("a"), tap("b")));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
            acks.afterSync(List.of(tap("c")));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);

            assertThat(events).containsExactly("failed a", "failed b", "handled c");
            assertThat(unacknowledged).hasValue(2);
        }
    }

    @Test
    void close_acknowledgesWhatWasHandedOverBeforeStopping() throws Exception {
        SyncedAcks acks = SyncedAcks.start(() -> events.add("sync"), unacknowledged::incrementAndGet);
        acks.afterSync(List.of(tap("a")));
        acks.close();

        assertThat(events).containsExactly("sync", "handled a");
    }
}
