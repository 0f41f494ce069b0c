package com.instore.agent.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.MessageCodec;

/**
 * Coverage-guided fuzzing of a desired configuration as the kiosk receives it ({@code config/desired} payload): any bytes
 * are refused as unreadable ({@link InvalidMessageException}) or give a {@link KioskConfig} that the kiosk's own checks
 * accept or refuse with a reason, never another exception (which would stop the config worker). Saved inputs under
 * {@code src/test/resources/com/instore/agent/config/KioskConfigFuzzTestInputs/} run in every build.
 */
class KioskConfigFuzzTest {
    private static final MessageCodec CODEC = new MessageCodec();

    @FuzzTest(maxDuration = "60s")
    void desiredConfig_anyBytes_isReadAndCheckedOrRefused(byte[] payload) {
        KioskConfig config;
        try {
            config = CODEC.decode(payload, KioskConfig.class);
        } catch (InvalidMessageException expected) {
            return;
        }
        Checks.refusal(config, "coffee").ifPresent(reason -> {
            if (reason.isBlank()) {
                throw new AssertionError("a refusal without a reason");
            }
        });
        ScreenSettings.of(config);
    }
}
