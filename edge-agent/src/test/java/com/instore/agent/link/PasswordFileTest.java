package com.instore.agent.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordFileTest {
    @TempDir
    Path dir;

    @Test
    void read_trimsTheSecret() throws IOException {
        Path file = Files.writeString(dir.resolve("entrance.secret"), "  s3cret\n");

        assertThat(new String(PasswordFile.read(file), StandardCharsets.UTF_8)).isEqualTo("s3cret");
    }

    @Test
    void read_missingFile_isAClearErrorNamingThePath() {
        Path missing = dir.resolve("nope.secret");

        assertThatThrownBy(() -> PasswordFile.read(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("agent.mqtt.password-file");
    }

    @Test
    void read_emptyFile_isAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.secret"), " \n");

        assertThatThrownBy(() -> PasswordFile.read(file)).hasMessageContaining("is empty");
    }
}
