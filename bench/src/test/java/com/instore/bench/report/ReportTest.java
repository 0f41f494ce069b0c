package com.instore.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.bench.load.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {
    private static final Machine MACHINE = new Machine("2025-01-01T00:00Z", "abc123", "Linux", 2, "cpu", "jvm", 1024,
            "./run bench");

    @Test
    void hubRun_isComparedWithTheFloorRun_ofTheSameBrokerAndRate() {
        RunRecord floor = run("floor", "mosquitto", 1_000, 0.5, 2.0, 1_000);
        RunRecord hub = run("hub", "mosquitto", 1_000, 1.5, 10.0, 990);
        RunRecord otherBroker = run("floor", "hivemq", 1_000, 0.1, 0.2, 1_000);

        Report report = Report.of(MACHINE, List.of(floor, hub, otherBroker), List.of());

        assertThat(report.ratios()).containsExactly(new Ratio("mosquitto", 1_000, 3.0, 5.0, 5.0, 0.99));
    }

    @Test
    void table_hasOneRowPerRun_andTheRatio() {
        Report report = Report.of(MACHINE, List.of(run("floor", "b", 500, 0.5, 1, 500), run("hub", "b", 500, 1, 2, 500)),
                List.of());

        String table = report.table();

        assertThat(table.lines().filter(line -> line.startsWith("| floor") || line.startsWith("| hub"))).hasSize(2);
        assertThat(table).contains("hub / floor over b at 500/s: p50 x2.00, p99 x2.00");
    }

    @Test
    void json_carriesMachineRunsAndLatencies(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/results.json");
        Report.of(MACHINE, List.of(run("floor", "b", 500, 0.5, 1, 500)), List.of()).writeJson(file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());

        assertThat(json.at("/machine/commit").asText()).isEqualTo("abc123");
        assertThat(json.at("/runs/0/latencyMs/p99").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/runs/0/errors/timeouts").asLong()).isZero();
    }

    static RunRecord run(String target, String broker, double rate, double p50, double p99, double throughput) {
        return new RunRecord(target, broker, 10, rate, 10, 100, 100, throughput, rate,
                new LoadResult.Errors(0, 0, 0, 0, 0, 0, 0), 0, new Latency(100, p50, p99, p99, p99, p50), 0.5, 1.0, Memory.UNKNOWN);
    }
}
