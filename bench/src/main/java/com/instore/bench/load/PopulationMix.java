package com.instore.bench.load;

/** Shares of the taps: known members, unknown cards, and repeats of the previous card at the same kiosk. */
public record PopulationMix(double members, double unknown, double repeats) {
    public static final PopulationMix REALISTIC = new PopulationMix(0.70, 0.20, 0.10);

    public PopulationMix {
        if (members < 0 || unknown < 0 || repeats < 0 || Math.abs(members + unknown + repeats - 1.0) > 1e-9) {
            throw new IllegalArgumentException("shares must be >= 0 and add up to 1, got " + members + "/" + unknown
                    + "/" + repeats);
        }
    }
}
