package com.instore.devices.indicator;

import com.instore.devices.DeviceStatus;

import java.util.function.Consumer;

/** The simulated indicator: each signal is a log line (and goes to an optional sink, for demos and tests). */
final class LogIndicator implements Indicator {
    private static final System.Logger LOG = System.getLogger(LogIndicator.class.getName());

    private final Consumer<Signal> sink;
    private volatile boolean closed;

    LogIndicator(Consumer<Signal> sink) {
        this.sink = sink;
    }

    @Override
    public void signal(Signal signal) {
        LOG.log(System.Logger.Level.INFO, "indicator: " + signal + " (" + describe(signal) + ")");
        sink.accept(signal);
    }

    static String describe(Signal signal) {
        return switch (signal) {
            case RECOGNISED -> "green, one short beep";
            case UNKNOWN -> "amber, two short beeps";
            case ERROR -> "red, one long beep";
            case IDENTIFY -> "all lights flashing with three beeps, then red-amber-green";
        };
    }

    @Override
    public DeviceStatus status() {
        return closed ? DeviceStatus.offline("closed") : DeviceStatus.online("simulated indicator (log)");
    }

    @Override
    public void close() {
        closed = true;
    }
}
