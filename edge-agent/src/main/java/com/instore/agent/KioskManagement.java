package com.instore.agent;

import com.instore.agent.command.CommandRunner;
import com.instore.agent.command.KioskActions;
import com.instore.agent.config.DesiredConfig;
import com.instore.agent.config.KioskConfigService;
import com.instore.agent.config.KioskTargets;
import com.instore.agent.config.ScreenSettings;
import com.instore.agent.link.ForwardingLinkListener;
import com.instore.agent.link.LinkListener;
import com.instore.agent.link.MqttLink;
import com.instore.protocol.MessageCodec;
import io.helidon.webserver.http.HttpRouting;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Issue 7 on the kiosk, wired in one place: desired/reported configuration and remote commands over the link, and
 * {@code /kiosk/config} for the page; the screen settings in force also go to the open pages ({@code pages}) live. {@link EdgeAgent} builds it after the link and the tap pipeline.
 */
final class KioskManagement implements AutoCloseable {
    private final AtomicReference<ScreenSettings> screen = new AtomicReference<>(ScreenSettings.DEFAULTS);
    private final DesiredConfig desired;
    private final CommandRunner commands;
    private final MessageCodec codec;

    KioskManagement(AgentConfig config, MqttLink link, Consumer<Duration> answerTimeout, KioskTargets.Running running,
                    Optional<Consumer<List<String>>> restart, Consumer<ScreenSettings> pages, KioskActionsFactory actions,
                    MessageCodec codec, Clock clock) {
        this.codec = codec;
        pages.accept(ScreenSettings.DEFAULTS);
        Consumer<ScreenSettings> settings = s -> {
            screen.set(s);
            pages.accept(s);
        };
        desired = new DesiredConfig(config.kiosk(), config.dataDir(),
                new KioskTargets(answerTimeout, settings, running, restart),
                (topic, payload) -> link.publish(topic, payload, true, null), codec, clock);
        commands = new CommandRunner(config.kiosk(), actions.create(desired),
                (topic, payload, correlation) -> link.publish(topic, payload, false, correlation), codec, clock);
        desired.restore();
    }

    /** Builds the command actions once the configuration part exists (RELOAD_CONFIG needs it). */
    @FunctionalInterface
    interface KioskActionsFactory {
        KioskActions create(DesiredConfig desired);
    }

    void routes(HttpRouting.Builder routing) {
        routing.register("/kiosk/config", new KioskConfigService(screen::get, desired, codec));
    }

    /** {@code delegate} plus desired configurations and commands. */
    LinkListener listener(LinkListener delegate) {
        return new ForwardingLinkListener(delegate) {
            @Override
            public void onDesiredConfig(byte[] payload) {
                desired.onDesired(payload);
            }

            @Override
            public void onCommand(byte[] payload, String responseTopic, byte[] correlationData) {
                commands.onCommand(payload, responseTopic, correlationData);
            }
        };
    }

    @Override
    public void close() {
        commands.close();
        desired.close();
    }
}
