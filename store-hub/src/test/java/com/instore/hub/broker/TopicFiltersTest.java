package com.instore.hub.broker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicFiltersTest {
    @Test
    void matches_concreteTopicsUnderTheFilter_only() {
        assertThat(TopicFilters.matches("stores/a/kiosks/k1/#", "stores/a/kiosks/k1/tap")).isTrue();
        assertThat(TopicFilters.matches("stores/a/kiosks/k1/#", "stores/a/kiosks/k2/tap")).isFalse();
        assertThat(TopicFilters.matches("stores/#", "stores")).isTrue();
        assertThat(TopicFilters.matches("stores/+/kiosks", "stores/a/kiosks")).isTrue();
        assertThat(TopicFilters.matches("stores/a/kiosks/k1/#", "stores/a/kiosks/+/tap")).isFalse();
    }

    @Test
    void covers_aRequestedFilter_onlyWhenEveryTopicItMatchesIsGranted() {
        assertThat(TopicFilters.covers("stores/#", "stores/+/kiosks/+/tap")).isTrue();
        assertThat(TopicFilters.covers("stores/#", "$share/hub-a/stores/a/kiosks/+/tap")).isTrue();
        assertThat(TopicFilters.covers("stores/a/kiosks/k1/#", "stores/a/kiosks/k1/screen")).isTrue();
        assertThat(TopicFilters.covers("stores/a/kiosks/k1/#", "stores/a/kiosks/+/screen")).isFalse();
        assertThat(TopicFilters.covers("stores/a/kiosks/k1/#", "stores/a/#")).isFalse();
        assertThat(TopicFilters.covers("stores/a/kiosks/k1/#", "#")).isFalse();
        assertThat(TopicFilters.covers("stores/a/kiosks/k1/screen", "stores/a/kiosks/k1/screen/x")).isFalse();
    }
}
