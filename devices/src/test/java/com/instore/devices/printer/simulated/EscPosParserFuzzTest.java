package com.instore.devices.printer.simulated;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;

/**
 * Coverage-guided fuzzing of the simulated printer's ESC/POS parser: any byte stream gives receipts or an
 * {@link IOException} (cut short), never another exception or a hang. Inputs under
 * {@code src/test/resources/com/instore/devices/printer/simulated/EscPosParserFuzzTestInputs/} run as regression tests.
 */
class EscPosParserFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void anyBytes_giveReceiptsOrIOException(byte[] job) {
        try {
            EscPosParser.parseAll(job);
        } catch (IOException expected) {
            // A job cut short mid-command.
        }
    }
}
