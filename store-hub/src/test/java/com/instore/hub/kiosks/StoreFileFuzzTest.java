package com.instore.hub.kiosks;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the store.yaml loader: any file content gives a result or an {@link IOException} that names the
 * problem, never another exception (the hub would fail to start with a stack trace instead of a clear error). Inputs under
 * {@code src/test/resources/com/instore/hub/kiosks/StoreFileFuzzTestInputs/} run as regression tests in every build; {@code JAZZER_FUZZ=1}
 * fuzzes (README, "Fuzzing").
 */
class StoreFileFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void storeYaml_anyBytes_givesAStoreOrIOException(byte[] content) throws IOException {
        Path file = Files.createTempFile("fuzz-", "-store.yaml");
        try {
            Files.write(file, content);
            StoreFile.read(file);
        } catch (IOException expected) {
            // A clear error naming the file.
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
