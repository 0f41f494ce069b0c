package com.instore.hub.offers;

import com.instore.hub.members.Tier;
import com.instore.protocol.Offer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffersTest {
    static final Path SHIPPED = Path.of("../config/offers.yaml");

    @Test
    void select_shippedFile_givesEveryTierOneToThreeOffersOfItsOwn() throws IOException {
        Offers offers = Offers.load(SHIPPED);

        for (Tier tier : Tier.values()) {
            assertThat(offers.select(Optional.of(tier))).as(tier.name()).hasSizeBetween(1, Offers.MAX_SHOWN);
        }
        assertThat(offers.select(Optional.of(Tier.BRONZE))).extracting(Offer::id)
                .containsExactly("latte-2for1", "early-croissant");
    }

    @Test
    void select_anonymous_givesOnlyTheWelcomeOffers() throws IOException {
        assertThat(Offers.load(SHIPPED).select(Optional.empty())).extracting(Offer::id).containsExactly("welcome-coffee");
    }

    @Test
    void select_moreFittingThanShown_keepsTheMostExclusiveFirst() throws IOException {
        assertThat(Offers.load(SHIPPED).select(Optional.of(Tier.PLATINUM))).extracting(Offer::id)
                .containsExactly("platinum-preview", "gold-lounge", "silver-pastry");
        assertThat(Offers.load(SHIPPED).select(Optional.of(Tier.PLATINUM))).noneMatch(Offer::printable);
    }

    @Test
    void load_unknownTier_failsNamingTheOffer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("offers.yaml");
        Files.writeString(file, """
                offers:
                  - { id: odd, title: Odd, detail: x, tiers: [DIAMOND] }
                """);

        assertThatThrownBy(() -> Offers.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("odd").hasMessageContaining("DIAMOND");
    }
}
