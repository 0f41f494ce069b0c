package com.instore.bench.jmh;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.instore.hub.members.Tier;
import com.instore.hub.offers.Offers;
import com.instore.protocol.Offer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Offer selection as the tap pipeline calls it ({@link Offers#select}) for a member tier and for an anonymous shopper,
 * over a generated offers file of the hub's format with {@code offers} entries spread over the audiences.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class OfferSelectionBenchmark {
    private static final List<String> AUDIENCES = List.of("ANONYMOUS", "BRONZE", "SILVER", "GOLD", "PLATINUM");

    @Param({"5", "200"})
    public int offers;

    private Offers catalogue;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = Files.createTempFile("bench-offers-", ".yaml");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < offers; i++) {
            List<String> tiers = AUDIENCES.subList(i % AUDIENCES.size(), AUDIENCES.size());
            entries.add(Map.of("id", "offer-" + i, "title", "Offer number " + i, "detail", "Details of offer " + i,
                    "tiers", tiers));
        }
        new YAMLMapper().writeValue(file.toFile(), Map.of("offers", entries));
        catalogue = Offers.load(file);
        Files.delete(file);
    }

    @Benchmark
    public List<Offer> goldMember() {
        return catalogue.select(Optional.of(Tier.GOLD));
    }

    @Benchmark
    public List<Offer> anonymous() {
        return catalogue.select(Optional.empty());
    }
}
