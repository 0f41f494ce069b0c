package com.instore.agent.screen;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScreenBroadcasterTest {
    private static final String TAP_ID = "01a213a0-0795-75f0-9873-a85342d2ac24";
    private final ScreenBroadcaster broadcaster = new ScreenBroadcaster();

    @Test
    void subscribe_getsTheCurrentStateFirst_thenChanges() throws InterruptedException {
        broadcaster.show(ScreenState.tap(TAP_ID));

        try (ScreenBroadcaster.Subscription subscription = broadcaster.subscribe()) {
            broadcaster.show(ScreenState.offline(TAP_ID));

            assertThat(subscription.next(Duration.ZERO)).map(ScreenState::state).contains(ScreenState.TAP);
            assertThat(subscription.next(Duration.ZERO)).map(ScreenState::state).contains(ScreenState.OFFLINE);
            assertThat(subscription.next(Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void closedSubscription_isForgotten() {
        broadcaster.subscribe().close();

        assertThat(broadcaster.subscriberCount()).isZero();
    }

    @Test
    void close_endsOpenSubscriptions() throws InterruptedException {
        ScreenBroadcaster.Subscription subscription = broadcaster.subscribe();
        subscription.next(Duration.ZERO);

        broadcaster.close();

        assertThatThrownBy(() -> subscription.next(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }
}
