package com.instore.bench.load;

import com.instore.bench.mqtt.MqttLink.PublishOutcome;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {
    private static final KioskAddress K1 = new KioskAddress("s", "k1");
    private static final KioskAddress K2 = new KioskAddress("s", "k2");
    private static final Schedule SCHEDULE = new Schedule(10, Duration.ZERO, Duration.ofSeconds(1));

    private final MessageCodec codec = new MessageCodec();
    private final Tally tally = new Tally(codec, Duration.ofSeconds(5));

    @Test
    void answer_measuresFromTheDueTime_notFromTheSend() {
        String tap = expect(K1, 1_000_000_000L);

        answer(K1, tap, tap, 1_003_000_000L);

        LoadResult result = tally.result(SCHEDULE, 10);
        assertThat(result.sent()).isEqualTo(1);
        assertThat(result.answered()).isEqualTo(1);
        assertThat(result.errors().total()).isZero();
        assertThat(result.latencyMicros().getMaxValue()).isBetween(2_999L, 3_001L);
        assertThat(tally.idle()).isTrue();
    }

    @Test
    void warmupTaps_areAnsweredButNotMeasured() {
        String tap = UUID.randomUUID().toString();
        tally.expect(tap, K1, 0, false);

        answer(K1, tap, tap, 1_000_000);

        LoadResult result = tally.result(SCHEDULE, 10);
        assertThat(result.sent()).isZero();
        assertThat(result.latencyMicros().getTotalCount()).isZero();
    }

    @Test
    void unansweredTaps_becomeTimeouts_andTheirLateAnswersAreNotErrorsTwice() {
        String tap = expect(K1, 0);

        tally.expire(Duration.ofSeconds(4).toNanos());
        assertThat(tally.idle()).isFalse();
        tally.expire(Duration.ofSeconds(6).toNanos());
        answer(K1, tap, tap, Duration.ofSeconds(7).toNanos());

        LoadResult.Errors errors = tally.result(SCHEDULE, 10).errors();
        assertThat(errors.timeouts()).isEqualTo(1);
        assertThat(errors.late()).isEqualTo(1);
        assertThat(errors.total()).isEqualTo(1);
    }

    @Test
    void answersForNoTap_orForAnotherKiosk_orWithAnotherTapId_areWrongCorrelations() {
        String tapA = expect(K1, 0);
        String tapB = expect(K1, 0);
        answer(K1, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1);
        answer(K2, tapA, tapA, 1);
        answer(K1, tapB, UUID.randomUUID().toString(), 1);

        LoadResult result = tally.result(SCHEDULE, 10);
        assertThat(result.errors().wrongCorrelation()).isEqualTo(3);
        assertThat(result.answered()).isZero();
    }

    @Test
    void secondAnswer_isADuplicate_notAnError() {
        String tap = expect(K1, 0);
        answer(K1, tap, tap, 1_000);
        answer(K1, tap, tap, 2_000);

        LoadResult result = tally.result(SCHEDULE, 10);
        assertThat(result.answered()).isEqualTo(1);
        assertThat(result.errors().duplicates()).isEqualTo(1);
        assertThat(result.errors().total()).isZero();
    }

    @Test
    void refusedAndFailedPublishes_areCounted_andAnswerNothing() {
        String refused = expect(K1, 0);
        String failed = expect(K1, 0);
        String accepted = expect(K1, 0);
        tally.published(refused, PublishOutcome.REFUSED);
        tally.published(failed, PublishOutcome.FAILED);
        tally.published(accepted, PublishOutcome.ACCEPTED);

        LoadResult.Errors errors = tally.result(SCHEDULE, 10).errors();
        assertThat(errors.refused()).isEqualTo(1);
        assertThat(errors.failed()).isEqualTo(1);
        assertThat(tally.idle()).isFalse();
    }

    @Test
    void invalidAnswers_areCounted() {
        String tap = expect(K1, 0);
        tally.answer(K1, "not json".getBytes(StandardCharsets.UTF_8), tap.getBytes(StandardCharsets.UTF_8), 1);

        assertThat(tally.result(SCHEDULE, 10).errors().invalidAnswers()).isEqualTo(1);
    }

    private String expect(KioskAddress kiosk, long dueNanos) {
        String tap = UUID.randomUUID().toString();
        tally.expect(tap, kiosk, dueNanos, true);
        return tap;
    }

    private void answer(KioskAddress kiosk, String correlation, String tapIdInPayload, long receivedNanos) {
        ScreenUpdate update = new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(),
                kiosk.kioskId(), tapIdInPayload, ScreenUpdate.Kind.WELCOME, "Welcome!", null, List.of(), null);
        tally.answer(kiosk, codec.encode(update), correlation.getBytes(StandardCharsets.UTF_8), receivedNanos);
    }
}
