package com.instore.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {
    private final KioskAddress coffee = new KioskAddress("lyon-01", "coffee");

    @Test
    void topic_followsTheStoreKioskChannelScheme() {
        assertThat(coffee.topic(Channel.TAP)).isEqualTo("stores/lyon-01/kiosks/coffee/tap");
        assertThat(coffee.topic(Channel.CONFIG_DESIRED)).isEqualTo("stores/lyon-01/kiosks/coffee/config/desired");
        assertThat(coffee.subtree()).isEqualTo("stores/lyon-01/kiosks/coffee/#");
        assertThat(Topics.everyKiosk(Channel.STATUS)).isEqualTo("stores/+/kiosks/+/status");
    }

    @Test
    void parse_readsBackEveryChannel() {
        for (Channel channel : Channel.values()) {
            assertThat(Topics.parse(coffee.topic(channel)))
                    .contains(new Topics.TopicAddress(coffee, channel));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stores/lyon-01/kiosks/coffee", "stores/lyon-01/kiosks/coffee/unknown",
            "shops/lyon-01/kiosks/coffee/tap", "stores/lyon-01/kiosks/+/tap", "stores//kiosks/coffee/tap",
            "stores/lyon-01/kiosks/coffee/tap/extra", "stores/LYON/kiosks/coffee/tap"})
    void parse_foreignTopic_isEmpty(String topic) {
        assertThat(Topics.parse(topic)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "#", "+", "Coffee", "-lead"})
    void kioskAddress_rejectsIdsUnsafeAsTopicLevels(String id) {
        assertThatThrownBy(() -> new KioskAddress("s1", id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kioskId");
    }
}
