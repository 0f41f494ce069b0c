package com.instore.agent.tap;

import com.instore.agent.screen.ScreenState;
import com.instore.devices.DeviceStatus;
import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.ReadIds;
import com.instore.protocol.Credential;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MemberProgress;
import com.instore.protocol.Offer;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TapPipelineTest {
    private static final KioskAddress KIOSK = new KioskAddress("demo-store", "entrance");
    private static final TapConfig CONFIG = new TapConfig(Duration.ofMillis(800), Duration.ofSeconds(12));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ManualTimers timers = new ManualTimers(clock);
    private final List<String> events = new ArrayList<>();
    private final List<ScreenState> shown = new ArrayList<>();
    private final List<TapEvent> sent = new ArrayList<>();
    private final List<DeviceStatus> readerStatuses = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong seq = new AtomicLong();
    private final TapPipeline pipeline = new TapPipeline(CONFIG, KIOSK, state -> {
        events.add("screen:" + state.state());
        shown.add(state);
    }, tap -> {
        events.add("send:" + tap.id());
        sent.add(tap);
    }, seq::incrementAndGet, readerStatuses::add, clock, timers, registry);

    @Test
    void tap_showsTapScreenBeforeAnythingIsSent() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");

        pipeline.onTap(read);

        assertThat(events).containsExactly("screen:tap", "send:" + read.readId());
        assertThat(current().tapId()).isEqualTo(read.readId());
        assertThat(current().greeting()).isEqualTo("Hello!");
    }

    @Test
    void tap_becomesTapEventWithReadIdMappedCredentialAndIncreasingSeq() {
        CardRead first = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        CardRead second = read(CardRead.Kind.PHONE, "token-1");

        pipeline.onTap(first);
        pipeline.onTap(second);

        assertThat(sent).hasSize(2);
        TapEvent tap = sent.getFirst();
        assertThat(tap.id()).isEqualTo(first.readId());
        assertThat(tap.kioskId()).isEqualTo("entrance");
        assertThat(tap.reader()).isEqualTo("test-reader");
        assertThat(tap.at()).isEqualTo(first.at());
        assertThat(tap.credential()).isEqualTo(new Credential(Credential.Type.CARD_UID, "04A22B1A5C8001"));
        assertThat(sent.get(1).credential().type()).isEqualTo(Credential.Type.PHONE);
        assertThat(sent.get(1).seq()).isGreaterThan(tap.seq());
    }

    @Test
    void answer_forTapOnScreen_showsMemberView() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);
        clock.set(clock.instant().plusMillis(7));

        pipeline.onScreenUpdate(member(read.readId(), "Hello Camille"));

        assertThat(current().state()).isEqualTo(ScreenState.MEMBER);
        assertThat(current().greeting()).isEqualTo("Hello Camille");
        assertThat(current().tier()).isEqualTo("GOLD");
        assertThat(current().offers()).extracting(ScreenState.OfferView::title).containsExactly("2-for-1 espresso");
        assertThat(registry.get("kiosk.tap.to.screen").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(7.0);
    }

    @Test
    void answer_unknownCard_showsWelcomeWithJoinUrl() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04FFFF");
        pipeline.onTap(read);

        pipeline.onScreenUpdate(new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(),
                "entrance", read.readId(), ScreenUpdate.Kind.WELCOME, "Welcome!", null, List.of(),
                "http://hub.local/join"));

        assertThat(current().state()).isEqualTo(ScreenState.WELCOME);
        assertThat(current().joinUrl()).isEqualTo("http://hub.local/join");
    }

    @Test
    void answer_forAnotherTap_isNotShown() {
        CardRead old = read(CardRead.Kind.CARD_UID, "04000001");
        CardRead now = read(CardRead.Kind.CARD_UID, "04000002");
        pipeline.onTap(old);
        pipeline.onTap(now);

        pipeline.onScreenUpdate(member(old.readId(), "Hello Old"));

        assertThat(current().state()).isEqualTo(ScreenState.TAP);
        assertThat(current().tapId()).isEqualTo(now.readId());
        assertThat(registry.get("kiosk.answers.ignored").counter().count()).isEqualTo(1.0);
    }

    @Test
    void noAnswer_withinTimeout_showsOfflineWelcome() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);
        pipeline.onTapKept(read.readId(), true);

        timers.advance(Duration.ofMillis(799));
        assertThat(current().state()).isEqualTo(ScreenState.TAP);
        timers.advance(Duration.ofMillis(1));

        assertThat(current().state()).isEqualTo(ScreenState.OFFLINE);
        assertThat(current().message()).isEqualTo("Your visit is recorded.");
        assertThat(registry.get("kiosk.answer.timeouts").counter().count()).isEqualTo(1.0);
    }

    @Test
    void lateAnswer_forTheTapStillOnScreen_replacesTheOfflineWelcome() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);
        pipeline.onTapKept(read.readId(), true);
        timers.advance(Duration.ofSeconds(1));
        assertThat(current().state()).isEqualTo(ScreenState.OFFLINE);

        pipeline.onScreenUpdate(member(read.readId(), "Hello Camille"));

        assertThat(current().state()).isEqualTo(ScreenState.MEMBER);
        assertThat(current().greeting()).isEqualTo("Hello Camille");
    }

    @Test
    void lateAnswer_afterTheScreenWentBackToAttract_isNotShown() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);
        pipeline.onTapKept(read.readId(), true);
        timers.advance(Duration.ofSeconds(30));
        assertThat(current().state()).isEqualTo(ScreenState.ATTRACT);

        pipeline.onScreenUpdate(member(read.readId(), "Hello Camille"));

        assertThat(current().state()).isEqualTo(ScreenState.ATTRACT);
    }

    @Test
    void answer_returnsToAttractAfterIdleTime() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);
        pipeline.onScreenUpdate(member(read.readId(), "Hello Camille"));

        timers.advance(Duration.ofSeconds(11));
        assertThat(current().state()).isEqualTo(ScreenState.MEMBER);
        timers.advance(Duration.ofSeconds(1));

        assertThat(current().state()).isEqualTo(ScreenState.ATTRACT);
        assertThat(current().tapId()).isNull();
    }

    @Test
    void offline_returnsToAttractAfterIdleTime() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);
        pipeline.onTapKept(read.readId(), true);

        timers.advance(Duration.ofMillis(800).plusSeconds(12));

        assertThat(shown).extracting(ScreenState::state)
                .containsExactly(ScreenState.TAP, ScreenState.OFFLINE, ScreenState.ATTRACT);
    }

    @Test
    void newTap_whileAnswerShown_restartsTheCycleForTheNewTap() {
        CardRead first = read(CardRead.Kind.CARD_UID, "04000001");
        pipeline.onTap(first);
        pipeline.onScreenUpdate(member(first.readId(), "Hello One"));
        timers.advance(Duration.ofSeconds(10));
        CardRead second = read(CardRead.Kind.CARD_UID, "04000002");

        pipeline.onTap(second);
        timers.advance(Duration.ofMillis(500));
        pipeline.onScreenUpdate(member(second.readId(), "Hello Two"));
        timers.advance(Duration.ofSeconds(5));

        assertThat(current().greeting()).isEqualTo("Hello Two");
    }

    @Test
    void tapKept_whileTheLinkIsDown_showsRecordedAtOnce() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);

        pipeline.onTapKept(read.readId(), false);

        assertThat(current().state()).isEqualTo(ScreenState.OFFLINE);
        assertThat(current().tapId()).isEqualTo(read.readId());
        assertThat(current().message()).isEqualTo("Your visit is recorded.");
    }

    @Test
    void tapKept_whileTheLinkIsUp_keepsWaitingForTheAnswer() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);

        pipeline.onTapKept(read.readId(), true);
        pipeline.onScreenUpdate(member(read.readId(), "Hello Camille"));

        assertThat(shown).extracting(ScreenState::state).containsExactly(ScreenState.TAP, ScreenState.MEMBER);
    }

    @Test
    void timeout_beforeTheTapIsKept_neverClaimsTheVisitIsRecorded_untilItIs() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);

        timers.advance(Duration.ofSeconds(1));
        assertThat(current().state()).isEqualTo(ScreenState.TAP);
        pipeline.onTapKept(read.readId(), true);

        assertThat(current().state()).isEqualTo(ScreenState.OFFLINE);
    }

    @Test
    void tapRefused_showsTheRefusal_andReturnsToAttract() {
        CardRead read = read(CardRead.Kind.CARD_UID, "04A22B1A5C8001");
        pipeline.onTap(read);

        pipeline.onTapRefused(read.readId(), "outbox full: 50000 taps waiting");

        assertThat(current().state()).isEqualTo(ScreenState.REFUSED);
        assertThat(current().tapId()).isEqualTo(read.readId());
        assertThat(current().message()).contains("cannot record your visit");
        assertThat(registry.get("kiosk.taps.refused.outbox").counter().count()).isEqualTo(1.0);
        timers.advance(Duration.ofSeconds(12));
        assertThat(current().state()).isEqualTo(ScreenState.ATTRACT);
    }

    @Test
    void refusalOfAnOldTap_doesNotTouchTheNextShoppersScreen() {
        CardRead old = read(CardRead.Kind.CARD_UID, "04000001");
        CardRead now = read(CardRead.Kind.CARD_UID, "04000002");
        pipeline.onTap(old);
        pipeline.onTap(now);

        pipeline.onTapRefused(old.readId(), "outbox full");
        pipeline.onTapKept(old.readId(), false);

        assertThat(current().state()).isEqualTo(ScreenState.TAP);
        assertThat(current().tapId()).isEqualTo(now.readId());
    }

    @Test
    void readerStatus_isPassedOn() {
        pipeline.onStatus(DeviceStatus.online("simulated"));

        assertThat(readerStatuses).containsExactly(DeviceStatus.online("simulated"));
    }

    private ScreenState current() {
        return shown.getLast();
    }

    private CardRead read(CardRead.Kind kind, String value) {
        return new CardRead(ReadIds.next(), kind, value, "test-reader", clock.instant());
    }

    private ScreenUpdate member(String tapId, String greeting) {
        return new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), "entrance", tapId,
                ScreenUpdate.Kind.MEMBER, greeting, new MemberProgress("GOLD", 1250, "250 points to Platinum"),
                List.of(new Offer("o-1", "2-for-1 espresso", "Today only")), null);
    }
}
