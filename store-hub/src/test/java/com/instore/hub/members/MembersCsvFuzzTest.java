package com.instore.hub.members;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the members.csv loader: any file content gives a result or an {@link IOException} that names the
 * problem, never another exception (the hub would fail to start with a stack trace instead of a clear error). Inputs under
 * {@code src/test/resources/com/instore/hub/members/MembersCsvFuzzTestInputs/} run as regression tests in every build; {@code JAZZER_FUZZ=1}
 * fuzzes (README, "Fuzzing").
 */
class MembersCsvFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void membersCsv_anyBytes_givesRowsOrIOException(byte[] content) throws IOException {
        Path file = Files.createTempFile("fuzz-", "-members.csv");
        try {
            Files.write(file, content);
            MembersCsv.read(file);
        } catch (IOException expected) {
            // A clear error naming the file.
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
