package com.instore.agent.outbox;

import com.instore.agent.link.TapRefusedException;
import com.instore.protocol.Credential;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on a really full disk: a 1 MB tmpfs mounted for the test (needs root, as the CI container runs; the test
 * says so when it cannot mount). SQLite gets ENOSPC from the kernel, as on a kiosk whose SD card filled up.
 */
class OutboxDiskFullIT {
    private final MessageCodec codec = new MessageCodec();
    @TempDir
    Path tempDir;
    private Path disk;

    @BeforeEach
    void mountTinyDisk() throws Exception {
        disk = Files.createDirectories(tempDir.resolve("disk"));
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", disk.toString());
    }

    @Test
    void diskFull_refusesNewTapsSayingDiskFull_keepsEveryOldOne_andRecoversWhenSpaceIsFreed() throws Exception {
        SqliteOutbox outbox = SqliteOutbox.open(new OutboxConfig(disk.resolve("outbox.db"), 50_000), codec,
                new SimpleMeterRegistry());
        try {
            fillUpTo(disk.resolve("filler"), 200 * 1024);
            List<TapEvent> kept = new ArrayList<>();
            TapRefusedException refusal = null;
            while (refusal == null) {
                TapEvent tap = tap(outbox);
                try {
                    outbox.add(tap);
                    kept.add(tap);
                } catch (TapRefusedException e) {
                    refusal = e;
                }
            }

            assertThat(refusal.getMessage()).contains("disk full");
            assertThat(outbox.health().state()).isEqualTo(DeviceHealth.State.OFFLINE);
            assertThat(outbox.health().detail()).contains("disk full").contains(kept.size() + " taps kept");
            assertThat(kept).isNotEmpty();
            Files.delete(disk.resolve("filler"));
            TapEvent afterwards = tap(outbox);
            outbox.add(afterwards);
            assertThat(outbox.health().state()).isEqualTo(DeviceHealth.State.OK);
            List<TapEvent> drained = new ArrayList<>();
            for (Optional<TapEvent> next = outbox.takeNext(); next.isPresent(); next = outbox.takeNext()) {
                drained.add(next.get());
            }
            kept.add(afterwards);
            assertThat(drained).containsExactlyElementsOf(kept);
        } finally {
            outbox.close();
        }
    }

    /** Writes a file until at most {@code leave} bytes of the disk are free. */
    private static void fillUpTo(Path file, long leave) throws IOException {
        long free = Files.getFileStore(file.getParent()).getUsableSpace();
        Files.write(file, new byte[(int) Math.max(0, free - leave)]);
    }

    private static TapEvent tap(SqliteOutbox outbox) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "entrance",
                "test-reader", new Credential(Credential.Type.CARD_UID, "04A22B1A5C8001"), outbox.nextSeq());
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + output.strip()
                    + "): OutboxDiskFullIT needs root to mount a tiny tmpfs, as the CI container has");
        }
    }
}
