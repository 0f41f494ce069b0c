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
    void acknowledged_forgetsTheTap_evenWhenItWasRequeued() {
        TapEvent a = tap(pending.nextSeq());
        pending.add(a);
        pending.takeNext();
        pending.requeue(a.id());

        pending.acknowledged(a.id());

        assertThat(pending.size()).isZero();
        assertThat(pending.takeNext()).isEmpty();
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
