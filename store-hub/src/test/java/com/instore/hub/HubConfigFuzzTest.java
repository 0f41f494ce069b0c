package com.instore.hub;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the hub's config loader (hub.yaml): any file content gives a {@link HubConfig} or an
 * {@link IllegalArgumentException} that names the problem (Main prints it and exits 2), never another exception (a
 * stack trace instead of a clear error). Saved inputs under {@code src/test/resources/com/instore/hub/HubConfigFuzzTestInputs/}
 * run as regression tests in every build; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
class HubConfigFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void hubYaml_anyBytes_givesAConfigOrAClearError(byte[] content) throws IOException {
        Path file = Files.createTempFile("fuzz-", "-hub.yaml");
        try {
            Files.write(file, content);
            Main.read(file);
        } catch (IllegalArgumentException expected) {
            // A clear error naming the file and the value.
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
