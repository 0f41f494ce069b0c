package com.instore.hub.taps;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hub.taps.answer}: after the disk unless said otherwise, and a clear error for anything else. */
class AnswerTimingTest {
    private static Config taps(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("taps");
    }

    @Test
    void from_nothingSet_answersAfterTheSync() {
        assertThat(AnswerTiming.from(taps(Map.of()))).isEqualTo(AnswerTiming.AFTER_SYNC);
    }

    @Test
    void from_atCommit_answersAtTheCommit() {
        assertThat(AnswerTiming.from(taps(Map.of("taps.answer", "at-commit")))).isEqualTo(AnswerTiming.AT_COMMIT);
        assertThat(AnswerTiming.from(taps(Map.of("taps.answer", "after-sync")))).isEqualTo(AnswerTiming.AFTER_SYNC);
    }

    @Test
    void from_unknownValue_isRefusedWithTheValuesItTakes() {
        assertThatThrownBy(() -> AnswerTiming.from(taps(Map.of("taps.answer", "whenever"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hub.taps.answer must be after-sync or at-commit, got 'whenever'");
    }
}
