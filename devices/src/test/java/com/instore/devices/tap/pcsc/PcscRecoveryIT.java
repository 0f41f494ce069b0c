package com.instore.devices.tap.pcsc;

import com.instore.devices.DeviceStatus;
import com.instore.devices.tap.ReaderSpec;
import com.instore.devices.tap.RecordingListener;
import com.instore.devices.tap.TapReader;
import com.instore.devices.tap.TapReaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pcscd stops under a running reader and comes back: the reader reports it and recovers on its own. The test stops the
 * pcscd that start-pcscd.sh started and always starts it again.
 */
class PcscRecoveryIT {
    @BeforeAll
    static void pcscd() throws Exception {
        PcscEnvironment.requireReady();
    }

    @Test
    void pcscdStoppingAndComingBack_isOfflineThenOnlineAgain_andCardsReadAfterwards() throws Exception {
        RecordingListener events = new RecordingListener();
        try (TapReader reader = TapReaders.create(ReaderSpec.parse(
                "pcsc?reader=" + PcscEnvironment.VIRTUAL_READER + "&poll-ms=20&recovery-ms=200"))) {
            reader.start(events);
            await().atMost(Duration.ofSeconds(15)).until(() -> reader.status().state() == DeviceStatus.State.ONLINE);
            try {
                stopPcscd();
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> reader.status().equals(DeviceStatus.offline("pcscd is not running")));
            } finally {
                PcscEnvironment.requireReady();
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> reader.status().state() == DeviceStatus.State.ONLINE);
            try (VirtualCard ignored = VirtualCard.insert("plain")) {
                await().atMost(Duration.ofSeconds(15)).until(() -> events.values().contains("A1B2C3D4"));
            }
            assertThat(events.statuses).extracting(DeviceStatus::state).containsSubsequence(
                    DeviceStatus.State.ONLINE, DeviceStatus.State.OFFLINE, DeviceStatus.State.ONLINE);
        }
    }

    private static void stopPcscd() throws Exception {
        long pid = PcscEnvironment.pcscdPid();
        assertThat(pid).as("pcscd pid").isPositive();
        ProcessHandle pcscd = ProcessHandle.of(pid).orElseThrow();
        pcscd.destroy();
        pcscd.onExit().get(10, TimeUnit.SECONDS);
    }
}
