package com.instore.agent.tap;

import com.instore.agent.screen.PrintFallback;
import com.instore.agent.screen.ScreenState;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.ReadFailure;
import com.instore.devices.tap.ReadIds;
import com.instore.protocol.KioskAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's screens for reads that failed and for coupons shown instead of printed. */
class ReadFailureScreenTest {
    private static final TapConfig CONFIG = new TapConfig(Duration.ofMillis(800), Duration.ofSeconds(12));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ManualTimers timers = new ManualTimers(clock);
    private final List<ScreenState> shown = new ArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final TapPipeline pipeline = new TapPipeline(CONFIG, new KioskAddress("demo-store", "entrance"), shown::add,
            tap -> { }, seq::incrementAndGet, status -> { }, clock, timers, new SimpleMeterRegistry());

    @Test
    void readFailure_onIdleScreen_asksToTryAgain_thenReturnsToAttract() {
        pipeline.onReadFailure(failure());

        assertThat(current().state()).isEqualTo(ScreenState.UNREAD);
        assertThat(current().greeting()).isEqualTo("Card not read, please try again");
        timers.advance(Duration.ofSeconds(5));
        assertThat(current().state()).isEqualTo(ScreenState.ATTRACT);
    }

    @Test
    void readFailure_whileATapWaitsForItsAnswer_leavesThatScreen() {
        pipeline.onTap(read());

        pipeline.onReadFailure(failure());

        assertThat(current().state()).isEqualTo(ScreenState.TAP);
    }

    @Test
    void tapAfterAReadFailure_isShownAsUsual() {
        pipeline.onReadFailure(failure());
        CardRead read = read();

        pipeline.onTap(read);
        timers.advance(Duration.ofSeconds(5));

        assertThat(current().state()).isEqualTo(ScreenState.TAP);
        assertThat(current().tapId()).isEqualTo(read.readId());
    }

    @Test
    void printFallback_forTheTapOnScreen_isShown_andReturnsToAttractAfterIdleTime() {
        CardRead read = read();
        pipeline.onTap(read);

        pipeline.showForTap(ScreenState.printFallback(read.readId(), coupon()));

        assertThat(current().state()).isEqualTo(ScreenState.PRINT_FALLBACK);
        assertThat(current().printFallback().code()).isEqualTo("CPN-1");
        timers.advance(Duration.ofSeconds(13));
        assertThat(current().state()).isEqualTo(ScreenState.ATTRACT);
    }

    @Test
    void printFallback_ofAnEarlierTap_doesNotTakeTheNextShoppersScreen() {
        pipeline.onTap(read());

        pipeline.showForTap(ScreenState.printFallback(UUID.randomUUID().toString(), coupon()));

        assertThat(current().state()).isEqualTo(ScreenState.TAP);
    }

    private static PrintFallback coupon() {
        return new PrintFallback("CPN-1", "https://hub/c/CPN-1", "data:image/png;base64,AA==", List.of("2-for-1"),
                "The printer is out of paper");
    }

    private CardRead read() {
        return new CardRead(ReadIds.next(), CardRead.Kind.CARD_UID, "04A22B1A5C8001", "test-reader", clock.instant());
    }

    private ReadFailure failure() {
        return new ReadFailure("test-reader", "card left too early", clock.instant());
    }

    private ScreenState current() {
        return shown.getLast();
    }
}
