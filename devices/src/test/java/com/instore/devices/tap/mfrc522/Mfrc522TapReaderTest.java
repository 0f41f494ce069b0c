package com.instore.devices.tap.mfrc522;

import com.instore.devices.Bytes;
import com.instore.devices.DeviceStatus;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class Mfrc522TapReaderTest {
    private final FakeMfrc522 chip = new FakeMfrc522();
    private final RecordingListener events = new RecordingListener();
    private final Mfrc522TapReader reader = new Mfrc522TapReader("mfrc522 test", () -> chip, Optional.empty(),
            Duration.ofMillis(5), Duration.ofMillis(20), Clock.systemUTC());

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void start_withChipAnswering_reportsOnlineWithVersion() {
        reader.start(events);
        await().until(() -> reader.status().state() == DeviceStatus.State.ONLINE);
        assertThat(reader.status().detail()).contains("version 92");
    }

    @Test
    void fourByteCard_isReadOnceWhileHeld() {
        reader.start(events);
        chip.place(new FakeCard(Bytes.of("A1B2C3D4")));
        await().until(() -> !events.taps.isEmpty());
        await().during(Duration.ofMillis(200)).until(() -> events.taps.size() == 1); // halted: quiet while held
        CardRead read = events.taps.getFirst();
        assertThat(read.kind()).isEqualTo(CardRead.Kind.CARD_UID);
        assertThat(read.value()).isEqualTo("A1B2C3D4");
        assertThat(read.reader()).isEqualTo("mfrc522 test");
    }

    @Test
    void sevenByteCard_isReadThroughTwoCascadeLevels() {
        reader.start(events);
        chip.place(new FakeCard(Bytes.of("04112233445566")));
        await().until(() -> events.values().contains("04112233445566"));
        assertThat(events.failures).isEmpty();
    }

    @Test
    void cardPresentedAgain_afterLeaving_isReadAgain() {
        reader.start(events);
        FakeCard card = new FakeCard(Bytes.of("A1B2C3D4"));
        chip.place(card);
        await().until(() -> events.taps.size() == 1);
        card.representAgain();
        await().until(() -> events.taps.size() == 2);
    }

    @Test
    void cardLeavingHalfwayThroughAnticollision_isAReadFailure_andTheReaderGoesOn() {
        reader.start(events);
        // answers REQA, anticollision and SELECT of cascade level 1 (3 frames), then leaves before level 2
        chip.place(new FakeCard(Bytes.of("04112233445566")).leavingAfter(3));
        await().until(() -> !events.failures.isEmpty());
        assertThat(events.failures.getFirst().reason()).contains("left during anticollision (cascade level 2)");
        assertThat(events.taps).isEmpty();

        chip.place(new FakeCard(Bytes.of("A1B2C3D4")));
        await().until(() -> events.values().contains("A1B2C3D4"));
        assertThat(reader.status().state()).isEqualTo(DeviceStatus.State.ONLINE);
    }

    @Test
    void chipUnplugged_goesOffline_andRecoversWhenItAnswersAgain() {
        reader.start(events);
        await().until(() -> reader.status().state() == DeviceStatus.State.ONLINE);
        chip.setConnected(false);
        await().until(() -> reader.status().equals(DeviceStatus.offline("MFRC522 not answering on SPI (check the wiring)")));

        chip.setConnected(true);
        await().until(() -> reader.status().state() == DeviceStatus.State.ONLINE);
        chip.place(new FakeCard(Bytes.of("A1B2C3D4")));
        await().until(() -> events.values().contains("A1B2C3D4"));
    }

    @Test
    void chipSilentAtStart_isOfflineWithAClearReason() {
        chip.setConnected(false);
        reader.start(events);
        await().until(() -> events.lastStatus() != null);
        assertThat(events.lastStatus()).isEqualTo(DeviceStatus.offline("MFRC522 not answering on SPI (check the wiring)"));
    }

    @Test
    void close_releasesSpi() {
        reader.start(events);
        await().until(() -> reader.status().state() == DeviceStatus.State.ONLINE);
        reader.close();
        assertThat(chip.closed()).isTrue();
        assertThat(reader.status().state()).isEqualTo(DeviceStatus.State.OFFLINE);
    }
}
