package com.instore.bench;

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
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged hub in its own process (--hub-process) as the system under test: answers, and its own CPU and memory. */
class HubProcessIT {
    private static final Pattern FIGURES = Pattern.compile("hub process: (\\d+\\.\\d+) cores in the measured window, "
            + "RSS (\\d+) MB \\(peak (\\d+) MB\\)");

    @Test
    void hubProcessRun_answersEveryTap_andReportsTheProcesssOwnCpuAndMemory(@TempDir Path dir) {
        BenchOptions options = new BenchOptions(BenchOptions.Target.HUB, BenchOptions.BrokerKind.EMBEDDED, 5, 50,
                Duration.ofSeconds(2), Duration.ofSeconds(1), false, new SweepPlan(50, 2, 100, 0, 50),
                dir.resolve("results.json"), 100, Duration.ofSeconds(5), 1, Path.of("config/offers.yaml"), "in-memory",
                Optional.of(List.of("-Xmx256m")), "test");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Report report = new BenchRun(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        RunRecord run = report.runs().getFirst();
        assertThat(run.target()).isEqualTo("hub");
        assertThat(run.sent()).isEqualTo(100);
        assertThat(run.answered()).isEqualTo(100);
        assertThat(run.errorTotal()).isZero();
        String printed = progress.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("hub process started (-Xmx256m) with 5 kiosks");
        Matcher figures = FIGURES.matcher(printed);
        assertThat(figures.find()).as(printed).isTrue();
        assertThat(Double.parseDouble(figures.group(1))).isPositive();
        assertThat(Long.parseLong(figures.group(2))).isBetween(50L, 1024L);
        assertThat(Long.parseLong(figures.group(3))).isGreaterThanOrEqualTo(Long.parseLong(figures.group(2)));
    }
}
