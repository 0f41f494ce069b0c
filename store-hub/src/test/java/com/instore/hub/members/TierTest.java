package com.instore.hub.members;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TierTest {
    @Test
    void nextStep_namesThePointsToTheNextTier() {
        assertThat(Tier.GOLD.nextStep(1840)).isEqualTo("3160 points to Platinum");
        assertThat(Tier.SILVER.nextStep(450)).isEqualTo("1050 points to Gold");
        assertThat(Tier.PLATINUM.nextStep(9000)).isEqualTo("Top tier reached");
    }

    @Test
    void parse_isCaseInsensitive_andRejectsUnknownTiers() {
        assertThat(Tier.parse(" gold ")).isEqualTo(Tier.GOLD);
        assertThatThrownBy(() -> Tier.parse("DIAMOND")).hasMessageContaining("DIAMOND");
    }
}
