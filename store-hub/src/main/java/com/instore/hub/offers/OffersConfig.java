package com.instore.hub.offers;

import io.helidon.config.Config;

import java.time.Duration;

/**
 * Offer settings, the {@code hub.offers} node.
 *
 * @param maxShown       at most this many offers per screen ({@code max-shown}, 3)
 * @param reloadInterval how often the offers file is checked for changes ({@code reload-interval}, PT2S)
 * @param dismissedFor   an offer the shopper dismissed is not shown to them again for this long ({@code dismissed-for}, P7D)
 */
public record OffersConfig(int maxShown, Duration reloadInterval, Duration dismissedFor) {
    public OffersConfig {
        if (maxShown < 1 || reloadInterval.isNegative() || reloadInterval.isZero() || dismissedFor.isNegative()) {
            throw new IllegalArgumentException("hub.offers: max-shown >= 1 and a positive reload-interval are required");
        }
    }

    public static OffersConfig defaults() {
        return from(Config.empty());
    }

    public static OffersConfig from(Config offers) {
        return new OffersConfig(offers.get("max-shown").asInt().orElse(3),
                Duration.parse(offers.get("reload-interval").asString().orElse("PT2S")),
                Duration.parse(offers.get("dismissed-for").asString().orElse("P7D")));
    }
}
