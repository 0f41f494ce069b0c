package com.instore.agent;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the agent's config loader (agent.yaml, through {@link AgentConfig#load} as Main calls it):
 * any file content gives a configuration or one of the exceptions Main turns into "cannot start: reason" (exit 2), never
 * another exception. Saved inputs under {@code src/test/resources/com/instore/agent/AgentConfigFuzzTestInputs/} run as
 * regression tests in every build; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
class AgentConfigFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void agentYaml_anyBytes_givesAConfigOrAClearError(byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-agent-");
        Path file = dir.resolve("agent.yaml");
        try {
            Files.write(file, content);
            AgentConfig.load(file);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException expected) {
            // What Main reports as "edge-agent: cannot start: <reason>".
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
