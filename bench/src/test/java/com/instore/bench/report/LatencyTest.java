package com.instore.bench.report;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyTest {

    @Test
    void percentiles_ofOneToOneThousandMicros_areExact() {
        Histogram micros = new Histogram(1, 60_000_000, 3);
        for (long value = 1; value <= 1_000; value++) {
            micros.recordValue(value);
        }

        Latency latency = Latency.of(micros);

        assertThat(latency.count()).isEqualTo(1_000);
        assertThat(latency.p50()).isEqualTo(0.5);
        assertThat(latency.p99()).isEqualTo(0.99);
        assertThat(latency.p999()).isEqualTo(0.999);
        assertThat(latency.max()).isEqualTo(1.0);
        assertThat(latency.mean()).isEqualTo(0.501);
    }

    @Test
    void aFewSlowTaps_showInTheTail_notInTheMedian() {
        Histogram micros = new Histogram(1, 60_000_000, 3);
        micros.recordValueWithCount(500, 980);
        micros.recordValueWithCount(40_000, 19);
        micros.recordValue(2_000_000);

        Latency latency = Latency.of(micros);

        assertThat(latency.p50()).isEqualTo(0.5);
        assertThat(latency.p99()).isBetween(39.9, 40.1);
        assertThat(latency.p999()).isBetween(39.9, 40.1);
        assertThat(latency.max()).isBetween(1_999.0, 2_001.0);
    }

    @Test
    void emptyHistogram_isAllZeros() {
        assertThat(Latency.of(new Histogram(1, 60_000_000, 3))).isEqualTo(new Latency(0, 0, 0, 0, 0, 0));
    }
}
