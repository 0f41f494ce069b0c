package com.instore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.bench.report.Report;
import com.instore.bench.report.RunRecord;
import com.instore.bench.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness end to end on a small load: kiosks over a real embedded broker, the echo service, the report. */
class FloorIT {

    @Test
    void floorRun_overEmbeddedHiveMq_answersEveryTap_withoutErrors(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        BenchOptions options = new BenchOptions(BenchOptions.Target.FLOOR, BenchOptions.BrokerKind.EMBEDDED, 5, 50,
                Duration.ofSeconds(2), Duration.ofSeconds(1), false, new SweepPlan(50, 2, 100, 0, 50), json, 100,
                Duration.ofSeconds(5), 1, Path.of("unused"), "file", java.util.Optional.empty(), "test");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Report report = new BenchRun(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        report.writeJson(json);

        assertThat(report.runs()).hasSize(1);
        RunRecord run = report.runs().getFirst();
        assertThat(run.target()).isEqualTo("floor");
        assertThat(run.sent()).isEqualTo(100);
        assertThat(run.answered()).isEqualTo(run.sent());
        assertThat(run.errorTotal()).isZero();
        assertThat(run.latencyMs().count()).isEqualTo(100);
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.at("/runs/0/answered").asLong()).isEqualTo(100);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("5 kiosks connected");
    }
}
