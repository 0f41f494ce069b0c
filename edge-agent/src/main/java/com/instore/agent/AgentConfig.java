package com.instore.agent;

import com.instore.agent.devices.IndicatorConfig;
import com.instore.agent.enrol.FirstBoot;
import com.instore.agent.devices.ReaderConfig;
import com.instore.agent.link.LinkConfig;
import com.instore.agent.outbox.OutboxConfig;
import com.instore.agent.printer.PrinterConfig;
import com.instore.agent.screen.ScreenConfig;
import com.instore.agent.tap.TapConfig;
import com.instore.protocol.KioskAddress;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the agent reads from its configuration, read once at start. Each feature turns its own node into its own
 * record; this one only ties them together and names the kiosk.
 */
public record AgentConfig(KioskAddress kiosk, Path dataDir, LinkConfig mqtt, ScreenConfig screen, TapConfig tap,
                          ReaderConfig reader, OutboxConfig outbox, PrinterConfig printer, IndicatorConfig indicator) {
    public AgentConfig {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(tap, "tap");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(indicator, "indicator");
    }

    /**
     * Reads a YAML file; system properties win over the file (e.g. {@code -Dagent.kiosk-id=coffee}).
     *
     * @throws IllegalArgumentException when the file is missing or a value is missing or invalid
     */
    public static AgentConfig load(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the agent config file " + file.toAbsolutePath());
        }
        try {
            return read(file);
        } catch (io.helidon.config.ConfigException e) {
            // Not YAML, or a value of the wrong type (a port that is not a number): a clear error, not a stack trace.
            throw new IllegalArgumentException("the agent config file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private static AgentConfig read(Path file) {
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.systemProperties(), ConfigSources.file(file))
                .build();
        // An enrolled kiosk's identity (issue 7) sits between system properties and the file; enrols first when the
        // file carries a code and the kiosk has no identity yet.
        java.util.Map<String, String> identity = FirstBoot.prepare(config.get("agent"));
        if (!identity.isEmpty()) {
            config = Config.builder()
                    .disableEnvironmentVariablesSource()
                    .disableSystemPropertiesSource()
                    .sources(ConfigSources.systemProperties(), ConfigSources.create(identity), ConfigSources.file(file))
                    .build();
        }
        return from(config.get("agent"));
    }

    /** Reads the {@code agent} node. */
    public static AgentConfig from(Config agent) {
        if (!agent.exists()) {
            throw new IllegalArgumentException("the configuration has no 'agent' section");
        }
        KioskAddress kiosk = new KioskAddress(required(agent, "store-id"), required(agent, "kiosk-id"));
        Path dataDir = Path.of(agent.get("data-dir").asString().orElse("demo-data/agents/" + kiosk.kioskId()));
        return new AgentConfig(kiosk, dataDir, LinkConfig.from(agent.get("mqtt"), kiosk), ScreenConfig.from(agent.get("screen")),
                TapConfig.from(agent), ReaderConfig.from(agent.get("reader")), OutboxConfig.from(agent.get("outbox"), dataDir),
                PrinterConfig.from(agent.get("printer"), dataDir, kiosk.storeId()), IndicatorConfig.from(agent.get("indicator")));
    }

    private static String required(Config node, String key) {
        return node.get(key).asString().asOptional()
                .orElseThrow(() -> new IllegalArgumentException("missing config key '" + node.get(key).key() + "'"));
    }
}
