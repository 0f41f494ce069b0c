package com.instore.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of a bench invocation: machine, runs, hub-to-floor ratios and sweeps. Printed as a Markdown table (pasteable
 * into BENCHMARKS.md) and written as JSON.
 */
public record Report(Machine machine, List<RunRecord> runs, List<Ratio> ratios, List<SweepRecord> sweeps) {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public Report {
        runs = List.copyOf(runs);
        ratios = List.copyOf(ratios);
        sweeps = List.copyOf(sweeps);
    }

    /** Adds a ratio for every hub run that has a floor run with the same broker and rate. */
    public static Report of(Machine machine, List<RunRecord> runs, List<SweepRecord> sweeps) {
        List<Ratio> ratios = new ArrayList<>();
        for (RunRecord hub : runs) {
            if (hub.target().equals("hub")) {
                runs.stream().filter(floor -> floor.target().equals("floor") && floor.broker().equals(hub.broker())
                        && floor.rate() == hub.rate()).findFirst().ifPresent(floor -> ratios.add(Ratio.of(hub, floor)));
            }
        }
        return new Report(machine, runs, ratios, sweeps);
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("| target | broker | kiosks | rate/s | s | sent | answered | errors | throughput/s | p50 ms | p99 ms"
                + " | p99.9 ms | max ms | CPU bench/machine | bench JVM RSS / heap after GC MB |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        runs.forEach(run -> out.append(row(run)));
        for (Ratio ratio : ratios) {
            out.append(String.format(Locale.ROOT, "%nhub / floor over %s at %.0f/s: p50 x%.2f, p99 x%.2f, p99.9 x%.2f,"
                    + " throughput x%.2f%n", ratio.broker(), ratio.rate(), ratio.p50(), ratio.p99(), ratio.p999(),
                    ratio.throughput()));
        }
        sweeps.forEach(sweep -> out.append(System.lineSeparator()).append(sweep.summary()));
        return out.toString();
    }

    static String row(RunRecord run) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %d | %d | %d | %s | %.1f | %.2f | %.2f | %.2f | %.2f"
                        + " | %.2f / %.2f | %s |%n", run.target(), run.broker(), run.kiosks(), run.rate(), run.seconds(),
                run.sent(), run.answered(), errors(run), run.throughput(), run.latencyMs().p50(), run.latencyMs().p99(),
                run.latencyMs().p999(), run.latencyMs().max(), run.benchJvmCores(), run.machineCores(), memory(run.memory()));
    }

    private static String memory(Memory m) {
        return m.rssMb() < 0 && m.heapAfterGcMb() < 0 ? "" : m.rssMb() + " / " + m.heapAfterGcMb();
    }

    private static String errors(RunRecord run) {
        var e = run.errors();
        String notes = (e.duplicates() > 0 ? ", " + e.duplicates() + " dup" : "") + (e.late() > 0 ? ", " + e.late() + " late" : "");
        if (e.total() == 0) {
            return "0" + (notes.isEmpty() ? "" : " (" + notes.substring(2) + ")");
        }
        return String.format(Locale.ROOT, "%d (timeout %d, refused %d, failed %d, wrong-corr %d, invalid %d%s)",
                e.total(), e.timeouts(), e.refused(), e.failed(), e.wrongCorrelation(), e.invalidAnswers(), notes);
    }

    public void writeJson(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
