package com.instore.agent.devices;

import com.instore.agent.screen.ScreenState;
import com.instore.devices.DeviceStatus;
import com.instore.devices.indicator.Indicator;
import com.instore.protocol.MemberProgress;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorDisplayTest {
    private final List<Indicator.Signal> signals = new ArrayList<>();
    private final List<String> screens = new ArrayList<>();
    private final IndicatorDisplay display = new IndicatorDisplay(state -> screens.add(state.state()), new Indicator() {
        @Override
        public void signal(Signal signal) {
            signals.add(signal);
        }

        @Override
        public DeviceStatus status() {
            return DeviceStatus.online("test");
        }

        @Override
        public void close() {
        }
    });

    @Test
    void member_isGreen_unknownCardAmber_refusalRed() {
        String tap = UUID.randomUUID().toString();
        display.show(ScreenState.answer(update(tap, ScreenUpdate.Kind.MEMBER)));
        display.show(ScreenState.answer(update(UUID.randomUUID().toString(), ScreenUpdate.Kind.WELCOME)));
        display.show(ScreenState.refused(UUID.randomUUID().toString()));

        assertThat(signals).containsExactly(Indicator.Signal.RECOGNISED, Indicator.Signal.UNKNOWN,
                Indicator.Signal.ERROR);
        assertThat(screens).containsExactly("member", "welcome", "refused");
    }

    @Test
    void secondUpdateForTheSameTap_doesNotSignalAgain() {
        String tap = UUID.randomUUID().toString();
        display.show(ScreenState.answer(update(tap, ScreenUpdate.Kind.MEMBER)));
        display.show(ScreenState.answer(update(tap, ScreenUpdate.Kind.MEMBER)));

        assertThat(signals).containsExactly(Indicator.Signal.RECOGNISED);
        assertThat(screens).hasSize(2);
    }

    @Test
    void tapAttractAndOffline_signalNothing() {
        String tap = UUID.randomUUID().toString();
        display.show(ScreenState.tap(tap));
        display.show(ScreenState.offline(tap));
        display.show(ScreenState.attract());

        assertThat(signals).isEmpty();
    }

    private static ScreenUpdate update(String tapId, ScreenUpdate.Kind kind) {
        return new ScreenUpdate(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "entrance", tapId,
                kind, "Hello", kind == ScreenUpdate.Kind.MEMBER ? new MemberProgress("GOLD", 10, "") : null, List.of(),
                null);
    }
}
