package com.instore.bench.hub;

import com.instore.bench.load.Roster;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;
import com.instore.hub.HubConfig;
import com.instore.hub.StoreHub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * The real store hub started in this JVM through its public entry point ({@link StoreHub#start}), as {@code Main} does,
 * with generated files: a store declaring the run's kiosks (with the harness's secrets), a members CSV, a fresh data
 * directory, loopback ports chosen by the hub. Same process as the floor's broker and echo service, so the comparison is
 * like for like. Closing stops the hub.
 */
public final class InProcessHub implements AutoCloseable {
    private final StoreHub hub;
    private final Accounts accounts;

    private InProcessHub(StoreHub hub, Accounts accounts) {
        this.hub = hub;
        this.accounts = accounts;
    }

    /**
     * Starts the hub for {@code accounts}' kiosks and {@code roster}'s members and blocks until it listens: on its embedded
     * broker, whose data is kept as {@code persistence} says ({@code hub.mqtt.persistence}: file or in-memory); or with
     * {@code externalBroker}, starting no broker and connecting to that one as {@code accounts.hub()} (chain mode without
     * dynsec: the broker already knows every account).
     */
    public static InProcessHub start(Accounts accounts, Roster roster, Path offersFile, Path dir,
                                     Optional<MqttEndpoint> externalBroker, String persistence) {
        if (!Files.isReadable(offersFile)) {
            throw new IllegalArgumentException("cannot read the offers file " + offersFile.toAbsolutePath()
                    + " (run from the repository root or pass --offers)");
        }
        try {
            Files.createDirectories(dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Path store = dir.resolve("store.yaml");
        Path members = dir.resolve("members.csv");
        StoreYaml.write(store, accounts);
        roster.writeCsv(members);
        HubConfig config = new HubConfig(dir.resolve("data"), store, offersFile, Optional.of(members),
                dir.resolve("data/store.secret"), "http://localhost", "127.0.0.1", 0, "127.0.0.1", 0, null,
                externalBroker.map(broker -> external(broker, accounts, dir))
                        .orElse(Config.just(ConfigSources.create(Map.of("mqtt.persistence", persistence)))));
        try {
            return new InProcessHub(StoreHub.start(config), accounts);
        } catch (Exception e) {
            throw new IllegalStateException("the hub did not start: " + e.getMessage(), e);
        }
    }

    private static Config external(MqttEndpoint broker, Accounts accounts, Path dir) {
        Path password = dir.resolve("hub-mqtt.secret");
        try {
            Files.writeString(password, accounts.hub().password());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + password, e);
        }
        return Config.just(ConfigSources.create(Map.of("mqtt.mode", "external", "mqtt.external.uri", broker.uri(),
                "mqtt.external.username", accounts.hub().username(), "mqtt.external.password-file", password.toString(),
                "mqtt.external.instance", "bench", "mqtt.external.dynsec", "false")));
    }

    public MqttEndpoint endpoint() {
        return MqttEndpoint.loopback(hub.mqttPort());
    }

    public Accounts accounts() {
        return accounts;
    }

    @Override
    public void close() {
        hub.close();
    }
}
