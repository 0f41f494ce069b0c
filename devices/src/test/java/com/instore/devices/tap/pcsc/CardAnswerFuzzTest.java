package com.instore.devices.tap.pcsc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.instore.devices.tap.CardReadException;

/**
 * Coverage-guided fuzzing of APDU answer parsing: a card (or phone) answering anything at all to our SELECT, READ BINARY
 * and GET DATA commands gives a credential or a {@link CardReadException}, never another exception. Each answer is a
 * fuzzed byte string (possibly empty, null-free); inputs under
 * {@code src/test/resources/com/instore/devices/tap/pcsc/CardAnswerFuzzTestInputs/} run as regression tests.
 */
class CardAnswerFuzzTest {
    private static final byte[] AID = {(byte) 0xF0, 0x49, 0x4E, 0x53, 0x54, 0x4F, 0x52, 0x45};

    @FuzzTest(maxDuration = "60s")
    void anyCardAnswers_giveACredentialOrCardReadException(FuzzedDataProvider data) {
        CardType type = data.pickValue(CardType.values());
        ApduChannel card = command -> {
            if (data.remainingBytes() == 0) {
                throw new CardReadException("card removed");
            }
            return data.consumeBytes(data.consumeInt(0, 300));
        };
        try {
            new CardInterrogator(AID).read(card, type);
        } catch (CardReadException expected) {
            // Not even a UID: a read failure, reported as such.
        }
    }
}
