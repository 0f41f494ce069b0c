package com.instore.agent.screen;

import com.instore.agent.link.LinkListener;
import com.instore.protocol.Consents;
import com.instore.protocol.MemberChoices;
import com.instore.protocol.MemberProgress;
import com.instore.protocol.ScreenUpdate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RedrawsTest {
    static final String TAP = "0192f1a4-7b3c-7d2e-9a10-1b2c3d4e5f60";

    private final ScreenBroadcaster screen = new ScreenBroadcaster();
    private final List<ScreenUpdate> toPipeline = new ArrayList<>();
    private final Redraws redraws = new Redraws(new LinkListener() {
        @Override
        public void onScreenUpdate(ScreenUpdate update) {
            toPipeline.add(update);
        }

        @Override
        public void onTapKept(String tapId, boolean linkUp) {
        }

        @Override
        public void onTapRefused(String tapId, String reason) {
        }
    }, screen, screen::show);

    private static ScreenUpdate member(String greeting, boolean recognition) {
        return new ScreenUpdate(1, UUID.randomUUID().toString(), Instant.now(), "coffee", TAP, ScreenUpdate.Kind.MEMBER,
                greeting, new MemberProgress("GOLD", 10, "x"), List.of(), null,
                new MemberChoices(new Consents(recognition, true, false), List.of(), List.of("coffee")), null);
    }

    @Test
    void redraw_forTheMemberScreenOnDisplay_replacesIt_withoutTheName() {
        screen.show(ScreenState.answer(member("Hello Bea!", true)));

        redraws.onScreenUpdate(member("Hello again!", false));

        assertThat(screen.current().greeting()).isEqualTo("Hello again!");
        assertThat(screen.current().member().choices().consents().recognition()).isFalse();
        assertThat(toPipeline).isEmpty();
    }

    @Test
    void clear_forTheTapOnDisplay_goesBackToAttract_andForAnotherTapChangesNothing() {
        ScreenUpdate clear = new ScreenUpdate(1, UUID.randomUUID().toString(), Instant.now(), "coffee", TAP,
                ScreenUpdate.Kind.CLEAR, "Welcome!", null, List.of(), null);
        screen.show(ScreenState.tap(UUID.randomUUID().toString()));
        redraws.onScreenUpdate(clear);
        assertThat(screen.current().state()).isEqualTo(ScreenState.TAP);

        screen.show(ScreenState.answer(member("Hello Carl!", true)));
        redraws.onScreenUpdate(clear);

        assertThat(screen.current().state()).isEqualTo(ScreenState.ATTRACT);
        assertThat(screen.current().greeting()).doesNotContain("Carl");
    }

    @Test
    void firstAnswer_whileWaiting_goesToThePipeline() {
        screen.show(ScreenState.tap(TAP));

        redraws.onScreenUpdate(member("Hello Bea!", true));

        assertThat(toPipeline).hasSize(1);
    }
}
