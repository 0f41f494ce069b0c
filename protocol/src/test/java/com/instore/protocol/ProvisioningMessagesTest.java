package com.instore.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningMessagesTest {
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");
    private final MessageCodec codec = new MessageCodec();

    static KioskConfig config(long version) {
        return new KioskConfig(1, UUID.randomUUID().toString(), AT, "coffee", version, "simulated", "simulated",
                "default", "en", 800, 3, 1500);
    }

    @Test
    void kioskConfig_roundTrips() throws Exception {
        KioskConfig config = config(3);
        assertThat(codec.decode(codec.encode(config), KioskConfig.class)).isEqualTo(config);
    }

    @Test
    void kioskConfig_outOfRangeTimeout_isInvalidAndNamesTheField() {
        String json = new String(codec.encode(config(1)), StandardCharsets.UTF_8).replace("\"answerTimeoutMs\":800",
                "\"answerTimeoutMs\":5");
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), KioskConfig.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("answerTimeoutMs");
    }

    @Test
    void kioskConfig_badLanguageOrVersion_isRefused() {
        assertThatThrownBy(() -> new KioskConfig(1, UUID.randomUUID().toString(), AT, "coffee", 0, "simulated",
                "none", "default", "en", 800, 3, 0)).hasMessageContaining("version");
        assertThatThrownBy(() -> new KioskConfig(1, UUID.randomUUID().toString(), AT, "coffee", 1, "simulated",
                "none", "default", "English", 800, 3, 0)).hasMessageContaining("language");
    }

    @Test
    void kioskConfig_sameSettings_ignoresVersion() {
        KioskConfig one = config(1);
        assertThat(one.sameSettings(one.withVersion(2, UUID.randomUUID().toString(), AT))).isTrue();
    }

    @Test
    void configReport_refusedWithoutReason_isInvalid() {
        assertThatThrownBy(() -> new ConfigReport(1, UUID.randomUUID().toString(), AT, "coffee",
                ConfigReport.Outcome.REFUSED, 1, 2, " ", List.of())).hasMessageContaining("reason");
    }

    @Test
    void configReport_andCommandMessages_roundTrip() throws Exception {
        ConfigReport report = new ConfigReport(1, UUID.randomUUID().toString(), AT, "coffee",
                ConfigReport.Outcome.APPLIED, 4, 0, null, List.of("reader"));
        Command command = new Command(1, UUID.randomUUID().toString(), AT, "coffee", Command.Type.IDENTIFY, 5000);
        CommandResult result = new CommandResult(1, UUID.randomUUID().toString(), AT, "coffee", command.id(),
                CommandResult.Outcome.OK, "blinked", Map.of("b", "2", "a", "1"));
        assertThat(codec.decode(codec.encode(report), ConfigReport.class)).isEqualTo(report);
        assertThat(codec.decode(codec.encode(command), Command.class)).isEqualTo(command);
        assertThat(codec.decode(codec.encode(result), CommandResult.class)).isEqualTo(result);
    }

    @Test
    void command_timeoutOutOfRange_isRefused() {
        assertThatThrownBy(() -> new Command(1, UUID.randomUUID().toString(), AT, "coffee", Command.Type.DIAGNOSTICS, 5))
                .hasMessageContaining("timeoutMs");
    }
}
