package com.instore.hub.it;

import java.util.Arrays;
import java.util.OptionalDouble;

/** Reads one sample out of a Prometheus text scrape. */
final class Metrics {
    private Metrics() {
    }

    /** The value of the sample whose name-and-labels are exactly {@code series}, e.g. {@code a_total{x="y"}}. */
    static OptionalDouble sample(String scrape, String series) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst();
    }
}
