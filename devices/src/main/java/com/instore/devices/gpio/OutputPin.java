package com.instore.devices.gpio;

/**
 * One digital output (an LED, a buzzer, a chip's reset line): our seam in front of Pi4J, so that drivers are tested
 * against fakes. Implementations are thread-safe enough for one writer thread.
 */
public interface OutputPin extends AutoCloseable {
    /** Drives the pin high (true) or low (false). Failures surface as {@link IllegalStateException}. */
    void set(boolean high);

    /** Leaves the pin low and releases it. */
    @Override
    void close();
}
