package com.instore.devices.tap.mfrc522;

import java.io.IOException;

/** A full-duplex SPI link to one chip select: our seam in front of Pi4J's {@code Spi}. Blocking, one thread at a time. */
interface SpiBus extends AutoCloseable {
    /** Clocks {@code tx} out and returns the bytes clocked in meanwhile (same length). */
    byte[] transfer(byte[] tx) throws IOException;

    @Override
    void close();
}
