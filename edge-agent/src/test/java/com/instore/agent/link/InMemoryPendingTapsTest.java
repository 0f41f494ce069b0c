package com.instore.agent.link;

import com.instore.protocol.Credential;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryPendingTapsTest {
    private final InMemoryPendingTaps pending = new InMemoryPendingTaps();

    @Test
    void takeNext_handsOutOldestFirst() {
        TapEvent a = tap(pending.nextSeq());
        TapEvent b = tap(pending.nextSeq());
        pending.add(b);
        pending.add(a);

        assertThat(drain()).containsExactly(a, b);
        assertThat(pending.size()).isEqualTo(2);
    }

    @Test
    void requeueAll_afterADrop_keepsTheOriginalOrder() {
        TapEvent a = tap(pending.nextSeq());
        TapEvent b = tap(pending.nextSeq());
        TapEvent c = tap(pending.nextSeq());
        List.of(a, b, c).forEach(pending::add);
        pending.takeNext();
        pending.takeNext();

        pending.requeueAll();

        assertThat(drain()).containsExactly(a, b, c);
    }

    @Test
    void answered_forgetsAnAcknowledgedTap_evenWhenItWasRequeued() {
        TapEvent a = tap(pending.nextSeq());
        pending.add(a);
        pending.takeNext();
        pending.acknowledged(a.id());
        pending.requeueAll();

        pending.answered(a.id());

        assertThat(pending.size()).isZero();
        assertThat(pending.takeNext()).isEmpty();
    }

    @Test
    void answeredBeforeAnyPuback_isKept_sentAgainAfterAFailedPublish_andLeavesWithItsPuback() {
        TapEvent a = tap(pending.nextSeq());
        pending.add(a);
        pending.takeNext();
        pending.answered(a.id());
        pending.requeue(a.id()); // the publish failed

        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.takeNext()).contains(a);
        pending.acknowledged(a.id());
        assertThat(pending.size()).isZero();
        pending.answered(a.id()); // a second answer for the tap sent again changes nothing
        assertThat(pending.size()).isZero();
    }

    @Test
    void acknowledgedByTheBroker_isKeptUntilAnswered_andSentAgainAfterADrop() {
        TapEvent a = tap(pending.nextSeq());
        pending.add(a);
        pending.takeNext();
        pending.acknowledged(a.id());
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.takeNext()).isEmpty();

        pending.requeueAll();

        assertThat(drain()).containsExactly(a);
        pending.answered(a.id()); // its PUBACK came before the drop
        assertThat(pending.size()).isZero();
    }

    @Test
    void acknowledgedButUnanswered_isSentAgainOnlyOnceItsWaitIsOver() {
        long[] now = {0};
        InMemoryPendingTaps timed = new InMemoryPendingTaps(() -> now[0]);
        TapEvent a = tap(timed.nextSeq());
        timed.add(a);
        timed.acknowledged(timed.takeNext().orElseThrow().id());

        now[0] = Unanswered.FIRST_WAIT.toNanos() - 1;
        assertThat(timed.resendOverdue()).isZero();
        now[0] = Unanswered.FIRST_WAIT.toNanos();
        assertThat(timed.resendOverdue()).isEqualTo(1);
        assertThat(timed.takeNext()).contains(a);
    }

    private List<TapEvent> drain() {
        List<TapEvent> out = new ArrayList<>();
        for (Optional<TapEvent> next = pending.takeNext(); next.isPresent(); next = pending.takeNext()) {
            out.add(next.get());
        }
        return out;
    }

    private static TapEvent tap(long seq) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "entrance", "simulated",
                new Credential(Credential.Type.CARD_UID, "04A2"), seq);
    }
}
