package com.instore.devices.tap;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Makes the UUIDv7 read ids (time-ordered, so ids sort by tap time). Thread-safe. */
public final class ReadIds {
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private ReadIds() {
    }

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
