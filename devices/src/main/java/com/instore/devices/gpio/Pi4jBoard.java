package com.instore.devices.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/**
 * The process's one Pi4J context, made on first use (Pi4J wants a single context per JVM) and shut down at JVM exit.
 * Pi4J finds its GPIO/SPI providers on the classpath: a deployment adds the provider plugin that fits the board.
 */
public final class Pi4jBoard {
    private static Context context;

    private Pi4jBoard() {
    }

    /** @throws IllegalStateException when Pi4J cannot start (not a Raspberry Pi, no provider) */
    public static synchronized Context context() {
        if (context == null) {
            try {
                context = Pi4J.newAutoContext();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Pi4J cannot start on this machine: " + e.getMessage(), e);
            }
            Context created = context;
            Runtime.getRuntime().addShutdownHook(new Thread(created::shutdown, "pi4j-shutdown"));
        }
        return context;
    }

    /** A GPIO output by BCM number, low at start and at shutdown. */
    public static OutputPin output(int bcm, String id) {
        Context pi4j = context();
        DigitalOutput output;
        try {
            output = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).bcm(bcm)
                    .initial(DigitalState.LOW).shutdown(DigitalState.LOW).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open GPIO " + bcm + " (" + id + "): " + e.getMessage(), e);
        }
        return new OutputPin() {
            @Override
            public void set(boolean high) {
                try {
                    output.state(high ? DigitalState.HIGH : DigitalState.LOW);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("GPIO " + bcm + " (" + id + "): " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                set(false);
                pi4j.shutdown(output);
            }
        };
    }
}
