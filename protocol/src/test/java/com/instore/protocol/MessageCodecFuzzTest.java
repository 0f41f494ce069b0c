package com.instore.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of {@link MessageCodec#decode}: whatever the bytes, decoding any wire message either gives a
 * valid record that encodes and decodes back to an equal one, or throws {@link InvalidMessageException}; nothing else may
 * escape (a stray exception would reach the hub's or the agent's pipeline). In a normal build the inputs under
 * {@code src/test/resources/com/instore/protocol/MessageCodecFuzzTestInputs/} run as regression tests; {@code JAZZER_FUZZ=1}
 * fuzzes (see README, "Fuzzing").
 */
class MessageCodecFuzzTest {
    private static final MessageCodec CODEC = new MessageCodec();
    private static final List<Class<?>> INBOUND = List.of(TapEvent.class, KioskStatus.class, ShopperAction.class,
            ConfigReport.class, CommandResult.class, ScreenUpdate.class, PrintJob.class, KioskConfig.class, Command.class);

    @FuzzTest(maxDuration = "60s")
    void decode_anyBytes_givesAValidMessageOrInvalidMessageException(byte[] payload) {
        for (Class<?> type : INBOUND) {
            decode(payload, type);
        }
    }

    private static void decode(byte[] payload, Class<?> type) {
        Object message;
        try {
            message = CODEC.decode(payload, type);
        } catch (InvalidMessageException expected) {
            return;
        }
        Object again;
        try {
            again = CODEC.decode(CODEC.encode(message), type);
        } catch (InvalidMessageException e) {
            throw new AssertionError(type.getSimpleName() + " decoded but its own encoding is refused: " + e, e);
        }
        assertThat(again).isEqualTo(message);
    }
}
