package com.instore.devices.tap.ndef;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.instore.devices.tap.CardReadException;

import java.util.Arrays;

/**
 * Coverage-guided fuzzing of NDEF parsing: a tag's bytes, whatever they are, give a credential, nothing, or a
 * {@link CardReadException}; no other exception escapes to the reader's thread. Inputs under
 * {@code src/test/resources/com/instore/devices/tap/ndef/NdefFuzzTestInputs/} run as regression tests in every build.
 */
class NdefFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void ndefMessage_anyBytes_givesACredentialNothingOrCardReadException(byte[] message) {
        try {
            NdefCredentials.fromMessage(message);
        } catch (CardReadException expected) {
            // A broken message is a read failure, reported as such.
        }
    }

    @FuzzTest(maxDuration = "60s")
    void type2Tag_anyMemory_givesACredentialNothingOrCardReadException(FuzzedDataProvider data) {
        byte[] memory = data.consumeRemainingAsBytes();
        try {
            Type2Ndef.read(page -> fourPages(memory, page));
        } catch (CardReadException expected) {
            // Too short, too long or malformed: a read failure.
        }
    }

    /** Pages past the end read as a short answer, as a real tag past its capacity does. */
    private static byte[] fourPages(byte[] memory, int page) throws CardReadException {
        int from = page * 4;
        if (page < 0 || from >= memory.length) {
            throw new CardReadException("page " + page + " is past the tag's end");
        }
        return Arrays.copyOfRange(memory, from, Math.min(memory.length, from + 16));
    }
}
