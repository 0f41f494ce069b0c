package com.instore.hub.chain;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainConfigTest {
    static Config chain(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("chain");
    }

    @Test
    void withoutADatabaseUrl_thereIsNoChainLink() {
        assertThat(ChainConfig.from(chain(Map.of("chain.sync-interval", "PT1S")))).isEmpty();
    }

    @Test
    void postgresUrl_getsConnectAndSocketTimeouts_unlessItSetsThem() {
        ChainConfig config = ChainConfig.from(chain(Map.of("chain.db.url", "jdbc:postgresql://central:5432/instore",
                "chain.db.user", "store1"))).orElseThrow();

        assertThat(config.centre().url()).isEqualTo(
                "jdbc:postgresql://central:5432/instore?connectTimeout=3&socketTimeout=30");
        assertThat(config.centre().user()).contains("store1");
        assertThat(config.syncInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.batchSize()).isEqualTo(200);
        assertThat(ChainConfig.withTimeouts("jdbc:postgresql://c/db?sslmode=verify-full&socketTimeout=5"))
                .isEqualTo("jdbc:postgresql://c/db?sslmode=verify-full&socketTimeout=5&connectTimeout=3");
    }

    @Test
    void backoffShorterThanTheInterval_isRefused() {
        assertThatThrownBy(() -> ChainConfig.from(chain(Map.of("chain.db.url", "jdbc:postgresql://c/db",
                "chain.sync-interval", "PT10S", "chain.max-backoff", "PT5S"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-backoff");
    }
}
