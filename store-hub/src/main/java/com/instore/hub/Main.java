package com.instore.hub;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The store hub's entry point: reads the config file once (system properties override it, e.g.
 * {@code -Dhub.http.port=9090}), starts the {@link StoreHub}, and stops it on SIGTERM or Ctrl-C.
 */
@Command(name = "store-hub", mixinStandardHelpOptions = true, description = "Runs the store hub.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Hub config file (default: ${DEFAULT-VALUE}).",
            defaultValue = "config/hub.yaml")
    private Path configFile;

    public static void main(String[] args) {
        // One log pipeline: java.util.logging (Helidon, System.Logger) into SLF4J/logback, where HiveMQ logs already.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(configFile)) {
            System.err.println("store-hub: cannot read config file " + configFile);
            return 2;
        }
        HubConfig config;
        try {
            config = read(configFile);
        } catch (IllegalArgumentException e) {
            System.err.println("store-hub: " + e.getMessage());
            return 2;
        }
        StoreHub hub = StoreHub.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            System.out.println("store hub stopped");
            stopped.countDown();
        }, "hub-shutdown"));
        String host = "0.0.0.0".equals(config.httpHost()) ? "localhost" : config.httpHost();
        System.out.println("store hub ready: http://" + host + ":" + hub.httpPort() + "/ , MQTT "
                + (hub.mqttPort() < 0 && hub.mqttTlsPort() < 0 ? "on the external broker" : "port " + hub.mqttPort()));
        stopped.await();
        return 0;
    }

    /**
     * The hub's settings from {@code file} (system properties first).
     *
     * @throws IllegalArgumentException naming the file and the problem when it is not valid YAML or a value is wrong
     */
    static HubConfig read(Path file) {
        try {
            return HubConfig.from(load(file).get("hub"));
        } catch (io.helidon.config.ConfigException | IllegalStateException e) {
            // Not YAML, a value of the wrong type, or keys Helidon cannot merge (found by HubConfigFuzzTest).
            throw new IllegalArgumentException("the config file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The file's settings with system properties taking precedence (the first source wins). */
    static Config load(Path file) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.systemProperties(), ConfigSources.file(file))
                .build();
    }
}
