package com.instore.hub.provisioning;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test
    void profileAndKioskOverrides_applyInOrder() {
        Profiles profiles = new Profiles(Settings.DEFAULTS);
        profiles.replace(Map.of("pi4", Map.of("reader-type", "acr122", "debounce-ms", 900)));
        Settings s = profiles.settings("pi4", Map.of("debounce-ms", "1000", "language", "fr"));
        assertThat(s.readerType()).isEqualTo("acr122");
        assertThat(s.debounceMs()).isEqualTo(1000);
        assertThat(s.language()).isEqualTo("fr");
        assertThat(s.theme()).isEqualTo("default");
    }

    @Test
    void unknownProfileOrSetting_isRefused() {
        Profiles profiles = new Profiles(Settings.DEFAULTS);
        assertThatThrownBy(() -> profiles.settings("nope", Map.of())).hasMessageContaining("unknown hardware profile");
        assertThatThrownBy(() -> Settings.DEFAULTS.with(Map.of("volume", 3))).hasMessageContaining("unknown setting");
    }

    @Test
    void invalidValue_failsValidationNamingTheField() {
        Settings bad = Settings.DEFAULTS.with(Map.of("answer-timeout-ms", 5));
        assertThatThrownBy(() -> bad.toConfig("coffee", 1, Instant.now())).hasMessageContaining("answerTimeoutMs");
    }

    @Test
    void enrolmentCodes_areTypedForgivingly() {
        assertThat(EnrolmentCodes.normalize("abcde-fghjk")).isEqualTo("ABCDEFGHJK");
        assertThat(EnrolmentCodes.normalize("o1l0 i")).isEqualTo("01101");
    }
}
