package com.instore.devices.tap.mfrc522;

import com.instore.devices.gpio.Pi4jBoard;
import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;

import java.io.IOException;

/** {@link SpiBus} on Pi4J (SPI mode 0, as the MFRC522 wants). Untested without a Raspberry Pi. */
final class Pi4jSpiBus implements SpiBus {
    private final Context pi4j;
    private final Spi spi;

    Pi4jSpiBus(int bus, int channel, int baud) {
        pi4j = Pi4jBoard.context();
        try {
            spi = pi4j.create(Spi.newConfigBuilder(pi4j).id("mfrc522-" + bus + "-" + channel)
                    .bus(bus).channel(channel).baud(baud).mode(SpiMode.MODE_0).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException(describe(e, bus, channel), e);
        }
    }

    private static String describe(RuntimeException e, int bus, int channel) {
        String device = "/dev/spidev" + bus + "." + channel;
        String message = String.valueOf(e.getMessage());
        if (message.contains("ermission")) {
            return "no permission on " + device + " (add the agent's user to group spi)";
        }
        if (message.contains("No such file")) {
            return device + " is missing (enable SPI with raspi-config)";
        }
        return "cannot open SPI " + device + ": " + message;
    }

    @Override
    public byte[] transfer(byte[] tx) throws IOException {
        byte[] rx = new byte[tx.length];
        try {
            int n = spi.transfer(tx, rx);
            if (n != tx.length) {
                throw new IOException("SPI transferred " + n + " of " + tx.length + " bytes");
            }
            return rx;
        } catch (RuntimeException e) {
            throw new IOException("SPI transfer failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pi4j.shutdown(spi);
    }
}
