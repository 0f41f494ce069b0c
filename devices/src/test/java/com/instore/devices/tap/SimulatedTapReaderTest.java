package com.instore.devices.tap;

import com.instore.devices.DeviceStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedTapReaderTest {
    private final Instant now = Instant.parse("2026-11-25T09:00:00Z");
    private final SimulatedTapReader reader = new SimulatedTapReader(Clock.fixed(now, ZoneOffset.UTC));
    private final List<CardRead> reads = new ArrayList<>();
    private final List<DeviceStatus> statuses = new ArrayList<>();

    private final TapListener listener = new TapListener() {
        @Override
        public void onTap(CardRead read) {
            reads.add(read);
        }

        @Override
        public void onStatus(DeviceStatus status) {
            statuses.add(status);
        }
    };

    @Test
    void present_deliversReadWithTimeOrderedId() {
        reader.start(listener);
        CardRead first = reader.present(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        CardRead second = reader.present(CardRead.Kind.CARD_UID, "04A22B1A5C8001");

        assertThat(reads).containsExactly(first, second);
        assertThat(first.at()).isEqualTo(now);
        assertThat(UUID.fromString(first.readId()).version()).isEqualTo(7);
        assertThat(first.readId()).isNotEqualTo(second.readId()).isLessThan(second.readId());
    }

    @Test
    void start_reportsOnline() {
        reader.start(listener);
        assertThat(statuses).containsExactly(DeviceStatus.online("simulated reader"));
    }

    @Test
    void present_beforeStartOrAfterClose_isRefused() {
        assertThatThrownBy(() -> reader.present(CardRead.Kind.CARD_UID, "01")).hasMessageContaining("not started");
        reader.start(listener);
        reader.close();
        assertThatThrownBy(() -> reader.present(CardRead.Kind.CARD_UID, "01")).hasMessageContaining("not started");
        assertThat(reader.status().state()).isEqualTo(DeviceStatus.State.OFFLINE);
    }
}
