package com.instore.agent.config;

import com.instore.protocol.Channel;
import com.instore.protocol.ConfigReport;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The kiosk side of desired/reported configuration: validates each desired configuration, applies it through
 * {@link ConfigTargets}, keeps it as the last good one and reports the applied version (retained, {@code config/reported});
 * a configuration it cannot read or apply is refused with the reason while the last good one stays in force, so a bad
 * configuration never bricks the kiosk. Work runs on its own thread; {@link #onDesired} returns at once. Thread-safe.
 */
public final class DesiredConfig implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DesiredConfig.class.getName());

    private final KioskAddress kiosk;
    private final ConfigTargets targets;
    private final BiConsumer<String, byte[]> publishRetained;
    private final MessageCodec codec;
    private final Clock clock;
    private final LastGood lastGood;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("config-apply").daemon().factory());
    private volatile Optional<KioskConfig> applied = Optional.empty();
    private volatile Optional<KioskConfig> lastDesired = Optional.empty();

    /** @param publishRetained publishes a retained message of this kiosk (the link); must not block */
    public DesiredConfig(KioskAddress kiosk, Path dataDir, ConfigTargets targets, BiConsumer<String, byte[]> publishRetained,
                         MessageCodec codec, Clock clock) {
        this.kiosk = kiosk;
        this.targets = targets;
        this.publishRetained = publishRetained;
        this.codec = codec;
        this.clock = clock;
        this.lastGood = new LastGood(dataDir, codec);
    }

    /** Applies the last good configuration kept from an earlier run, if any, before the hub is reached. Blocking. */
    public void restore() {
        lastGood.read().filter(c -> Checks.refusal(c, kiosk.kioskId()).isEmpty()).ifPresent(config -> {
            try {
                targets.apply(Optional.empty(), config);
                applied = Optional.of(config);
            } catch (RuntimeException e) {
                LOG.warning("the last good configuration v" + config.version() + " cannot be applied: " + e.getMessage());
            }
        });
    }

    /** The configuration in force, empty before the first. */
    public Optional<KioskConfig> applied() {
        return applied;
    }

    /** A desired configuration arrived (raw payload, from the link's thread): applied on the worker. */
    public void onDesired(byte[] payload) {
        if (payload.length > 0) {
            worker.execute(() -> handle(payload));
        }
    }

    /**
     * Applies the last desired configuration again (the RELOAD_CONFIG command); blocks until done.
     *
     * @return what happened, in words
     */
    public String reload() throws Exception {
        Optional<KioskConfig> desired = lastDesired.or(() -> applied);
        if (desired.isEmpty()) {
            return "no configuration received yet";
        }
        return worker.submit(() -> apply(desired.get(), true)).get();
    }

    private void handle(byte[] payload) {
        KioskConfig config;
        try {
            config = codec.decode(payload, KioskConfig.class);
        } catch (InvalidMessageException e) {
            refuse(0, "unreadable configuration: " + e.getMessage());
            return;
        }
        lastDesired = Optional.of(config);
        apply(config, false);
    }

    private String apply(KioskConfig config, boolean force) {
        Optional<String> refusal = Checks.refusal(config, kiosk.kioskId());
        if (refusal.isPresent()) {
            return refuse(config.version(), refusal.get());
        }
        if (!force && applied.isPresent() && applied.get().version() == config.version()
                && applied.get().sameSettings(config)) {
            report(ConfigReport.Outcome.APPLIED, config.version(), 0, "", List.of());
            return "v" + config.version() + " already in force";
        }
        Optional<KioskConfig> previous = applied;
        List<String> restarted;
        try {
            restarted = targets.apply(previous, config);
            lastGood.write(config);
        } catch (RuntimeException | IOException e) {
            rollBack(previous, config);
            return refuse(config.version(), "cannot apply: " + e.getMessage());
        }
        applied = Optional.of(config);
        report(ConfigReport.Outcome.APPLIED, config.version(), 0, "", restarted);
        LOG.info("configuration v" + config.version() + " applied" + (restarted.isEmpty() ? " live" : ", restarted "
                + restarted));
        return "v" + config.version() + " applied" + (restarted.isEmpty() ? "" : ", restarted " + restarted);
    }

    private void rollBack(Optional<KioskConfig> previous, KioskConfig failed) {
        previous.ifPresent(good -> {
            try {
                targets.apply(Optional.of(failed), good);
            } catch (RuntimeException e) {
                LOG.warning("could not go back to v" + good.version() + ": " + e.getMessage());
            }
        });
    }

    private String refuse(long version, String reason) {
        LOG.warning("configuration v" + version + " refused: " + reason);
        report(ConfigReport.Outcome.REFUSED, applied.map(KioskConfig::version).orElse(0L), version, reason, List.of());
        return "refused: " + reason;
    }

    private void report(ConfigReport.Outcome outcome, long appliedVersion, long refusedVersion, String reason,
                        List<String> restarted) {
        long inForce = outcome == ConfigReport.Outcome.APPLIED ? appliedVersion
                : applied.map(KioskConfig::version).orElse(0L);
        ConfigReport report = new ConfigReport(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(),
                kiosk.kioskId(), outcome, inForce, refusedVersion, reason.length() > 1000 ? reason.substring(0, 1000)
                : reason, restarted);
        publishRetained.accept(kiosk.topic(Channel.CONFIG_REPORTED), codec.encode(report));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
