package com.instore.devices.tap;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DebouncingTapReaderTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T09:00:00Z");

        void advance(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SimulatedTapReader card = new SimulatedTapReader(clock);
    private final DebouncingTapReader reader = new DebouncingTapReader(card, clock, Duration.ofMillis(1500));
    private final RecordingListener events = new RecordingListener();

    @Test
    void sameCardHeld_isOneTap() {
        reader.start(events);
        for (int i = 0; i < 10; i++) {
            card.present(CardRead.Kind.CARD_UID, "A1B2C3D4"); // the reader sees it every 200 ms for 2 s
            clock.advance(200);
        }
        assertThat(events.values()).containsExactly("A1B2C3D4");
    }

    @Test
    void differentCard_isANewTapAtOnce() {
        reader.start(events);
        card.present(CardRead.Kind.CARD_UID, "A1B2C3D4");
        clock.advance(10);
        card.present(CardRead.Kind.PHONE, "token");
        clock.advance(10);
        card.present(CardRead.Kind.CARD_UID, "A1B2C3D4");
        assertThat(events.values()).containsExactly("A1B2C3D4", "token", "A1B2C3D4");
    }

    @Test
    void sameCardAgain_afterTheWindow_isANewTap() {
        reader.start(events);
        card.present(CardRead.Kind.CARD_UID, "A1B2C3D4");
        clock.advance(1400);
        card.present(CardRead.Kind.CARD_UID, "A1B2C3D4"); // still within the window of the last sighting
        clock.advance(1501);
        card.present(CardRead.Kind.CARD_UID, "A1B2C3D4");
        assertThat(events.values()).containsExactly("A1B2C3D4", "A1B2C3D4");
    }

    @Test
    void sameValueOfAnotherKind_isAnotherCredential() {
        reader.start(events);
        card.present(CardRead.Kind.CARD_UID, "42");
        card.present(CardRead.Kind.NDEF, "42");
        assertThat(events.taps).extracting(CardRead::kind).containsExactly(CardRead.Kind.CARD_UID, CardRead.Kind.NDEF);
    }

    @Test
    void statusesPassThrough() {
        reader.start(events);
        assertThat(events.statuses).containsExactly(card.status());
        assertThat(reader.delegate()).isSameAs(card);
    }
}
