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

            assertThat(subscription.next(Duration.ZERO)).map(e -> ((ScreenState) e.data()).state()).contains(ScreenState.TAP);
            assertThat(subscription.next(Duration.ZERO)).map(e -> ((ScreenState) e.data()).state()).contains(ScreenState.OFFLINE);
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

    @Test
    void settings_goToOpenPages_andComeRightAfterTheStateToNewOnes() throws InterruptedException {
        try (ScreenBroadcaster.Subscription open = broadcaster.subscribe()) {
            open.next(Duration.ZERO);
            broadcaster.settings("dark");
            assertThat(open.next(Duration.ZERO)).map(ScreenBroadcaster.PageEvent::name).contains("settings");
        }
        try (ScreenBroadcaster.Subscription later = broadcaster.subscribe()) {
            assertThat(later.next(Duration.ZERO)).map(ScreenBroadcaster.PageEvent::name).contains("screen");
            assertThat(later.next(Duration.ZERO)).map(ScreenBroadcaster.PageEvent::data).contains("dark");
        }
        assertThat(broadcaster.subscriptionsOpened()).isEqualTo(2);
    }

    @Test
    void restartPages_tellsEachOpenPage_butKeepsTheBroadcasterOpen() throws InterruptedException {
        try (ScreenBroadcaster.Subscription open = broadcaster.subscribe()) {
            open.next(Duration.ZERO);
            broadcaster.restartPages();
            assertThat(open.next(Duration.ZERO)).map(ScreenBroadcaster.PageEvent::name).contains("restart");
        }
        try (ScreenBroadcaster.Subscription back = broadcaster.subscribe()) {
            assertThat(back.next(Duration.ZERO)).map(ScreenBroadcaster.PageEvent::name).contains("screen");
        }
    }

    @Test
    void announce_reachesOnlyThePagesOpenNow() throws InterruptedException {
        try (ScreenBroadcaster.Subscription open = broadcaster.subscribe()) {
            open.next(Duration.ZERO);
            assertThat(broadcaster.announce("identify", "entrance")).isEqualTo(1);
            assertThat(open.next(Duration.ZERO)).map(ScreenBroadcaster.PageEvent::name).contains("identify");
        }
        try (ScreenBroadcaster.Subscription later = broadcaster.subscribe()) {
            later.next(Duration.ZERO);
            assertThat(later.next(Duration.ZERO)).isEmpty();
        }
    }
}
