package com.instore.hub.taps;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code hub.taps.answer}: at the commit with the hub's own broker and after the disk with an external one, unless said
 * otherwise, and a clear error for anything else.
 */
class AnswerTimingTest {
    private static Config taps(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("taps");
    }

    @Test
    void from_nothingSet_answersAtTheCommitWithTheHubsOwnBroker_andAfterTheSyncWithAnExternalOne() {
        assertThat(AnswerTiming.from(taps(Map.of()), true)).isEqualTo(AnswerTiming.AT_COMMIT);
        assertThat(AnswerTiming.from(taps(Map.of()), false)).isEqualTo(AnswerTiming.AFTER_SYNC);
    }

    @Test
    void from_set_isWhatIsSetWhicheverTheBroker() {
        assertThat(AnswerTiming.from(taps(Map.of("taps.answer", "at-commit")), false)).isEqualTo(AnswerTiming.AT_COMMIT);
        assertThat(AnswerTiming.from(taps(Map.of("taps.answer", "after-sync")), true)).isEqualTo(AnswerTiming.AFTER_SYNC);
    }

    @Test
    void from_unknownValue_isRefusedWithTheValuesItTakes() {
        assertThatThrownBy(() -> AnswerTiming.from(taps(Map.of("taps.answer", "whenever")), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hub.taps.answer must be after-sync or at-commit, got 'whenever'");
    }
}
