package com.instore.agent;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void serviceCommandLine_isReadWithoutPicocli() {
        assertThat(Main.serviceConfig()).contains(Path.of("config/agent.yaml"));
        assertThat(Main.serviceConfig("--config", "/etc/instore/agent.yaml")).contains(Path.of("/etc/instore/agent.yaml"));
        assertThat(Main.serviceConfig("--config=/etc/instore/agent.yaml")).contains(Path.of("/etc/instore/agent.yaml"));
    }

    @Test
    void anythingElse_isLeftToPicocli_whichReportsMistakesAndRunsSubcommands() {
        assertThat(Main.serviceConfig("doctor")).isEmpty();
        assertThat(Main.serviceConfig("enroll", "--help")).isEmpty();
        assertThat(Main.serviceConfig("--help")).isEmpty();
        assertThat(Main.serviceConfig("--config")).isEmpty(); // missing value: picocli says so
        assertThat(Main.serviceConfig("--config=")).isEmpty();
        assertThat(Main.serviceConfig("--config", "--help")).isEmpty();
        assertThat(Main.serviceConfig("--confg", "agent.yaml")).isEmpty(); // typo: picocli names the unknown option
        assertThat(Main.serviceConfig("--config", "a.yaml", "extra")).isEmpty();
    }
}
