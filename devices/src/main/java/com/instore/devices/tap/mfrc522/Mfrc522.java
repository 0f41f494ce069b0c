package com.instore.devices.tap.mfrc522;

import java.io.IOException;

/**
 * The MFRC522's register protocol over SPI (NXP data sheet MFRC522 rev. 3.9, sections 8.1.2 and 9): register access,
 * initialisation and the Transceive command. Blocking; one thread at a time.
 */
final class Mfrc522 {
    static final int COMMAND = 0x01;
    static final int COM_IRQ = 0x04;
    static final int ERROR = 0x06;
    static final int FIFO_DATA = 0x09;
    static final int FIFO_LEVEL = 0x0A;
    static final int CONTROL = 0x0C;
    static final int BIT_FRAMING = 0x0D;
    static final int MODE = 0x11;
    static final int TX_CONTROL = 0x14;
    static final int TX_ASK = 0x15;
    static final int T_MODE = 0x2A;
    static final int T_PRESCALER = 0x2B;
    static final int T_RELOAD_H = 0x2C;
    static final int T_RELOAD_L = 0x2D;
    static final int VERSION = 0x37;

    static final int CMD_IDLE = 0x00;
    static final int CMD_TRANSCEIVE = 0x0C;
    static final int CMD_SOFT_RESET = 0x0F;

    private static final int IRQ_RX_OR_IDLE = 0x30;
    private static final int IRQ_TIMER = 0x01;
    private static final int ERR_COLLISION = 0x08;
    private static final int ERR_FATAL = 0x13; // BufferOvfl, ParityErr, ProtocolErr
    /** The chip's own timer (set up in {@link #init}) ends a silent exchange after 25 ms; this only guards a dead chip. */
    private static final long EXCHANGE_DEADLINE_NANOS = 100_000_000L;

    private final SpiBus spi;

    Mfrc522(SpiBus spi) {
        this.spi = spi;
    }

    /** What came back: the bytes and how many bits of the last byte are valid (0 = all 8). */
    record Frame(byte[] bytes, int lastBits) {
    }

    /** The card (or cards) answered with a collision: more than one card in the field. */
    static final class CollisionException extends IOException {
        private static final long serialVersionUID = 1L;

        CollisionException() {
            super("more than one card on the reader");
        }
    }

    int version() throws IOException {
        return read(VERSION);
    }

    void init() throws IOException {
        write(COMMAND, CMD_SOFT_RESET);
        write(T_MODE, 0x80);      // TAuto: the timer starts at the end of each transmission
        write(T_PRESCALER, 0xA9); // 13.56 MHz / (2 * 169 + 1) = 40 kHz: 25 us a tick, 25 ms with reload 1000
        write(T_RELOAD_H, 0x03);
        write(T_RELOAD_L, 0xE8);
        write(TX_ASK, 0x40);      // 100 % ASK modulation, as ISO 14443 A wants
        write(MODE, 0x3D);        // CRC preset 6363 (ISO 14443 A)
        write(TX_CONTROL, read(TX_CONTROL) | 0x03); // antenna on (Tx1RFEn, Tx2RFEn)
    }

    /**
     * Sends a frame to the card and returns its answer, or null when no card answered before the chip's timer ran out.
     *
     * @param txLastBits bits of the last byte to send (0 = all 8; 7 for the short frames REQA/WUPA)
     * @throws CollisionException when several cards answered at once
     * @throws IOException        on an SPI failure, a chip that does not finish, or a garbled (parity, protocol) answer
     */
    Frame transceive(byte[] data, int txLastBits) throws IOException {
        write(COMMAND, CMD_IDLE);
        write(COM_IRQ, 0x7F);     // clear every interrupt request bit
        write(FIFO_LEVEL, 0x80);  // flush the FIFO
        for (byte b : data) {
            write(FIFO_DATA, b & 0xFF);
        }
        write(BIT_FRAMING, txLastBits);
        write(COMMAND, CMD_TRANSCEIVE);
        write(BIT_FRAMING, 0x80 | txLastBits); // StartSend
        int irq = awaitIrq();
        write(BIT_FRAMING, txLastBits);
        if ((irq & IRQ_RX_OR_IDLE) == 0) {
            return null; // timer: nobody answered
        }
        return readAnswer();
    }

    private int awaitIrq() throws IOException {
        long deadline = System.nanoTime() + EXCHANGE_DEADLINE_NANOS;
        while (System.nanoTime() < deadline) {
            int irq = read(COM_IRQ);
            if ((irq & (IRQ_RX_OR_IDLE | IRQ_TIMER)) != 0) {
                return irq;
            }
        }
        throw new IOException("MFRC522 did not finish the exchange (chip not answering?)");
    }

    private Frame readAnswer() throws IOException {
        int error = read(ERROR);
        if ((error & ERR_COLLISION) != 0) {
            throw new CollisionException();
        }
        if ((error & ERR_FATAL) != 0) {
            throw new IOException(String.format("garbled answer from the card (MFRC522 ErrorReg %02X)", error));
        }
        int count = read(FIFO_LEVEL);
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) read(FIFO_DATA);
        }
        return new Frame(bytes, read(CONTROL) & 0x07);
    }

    int read(int register) throws IOException {
        byte[] rx = spi.transfer(new byte[]{(byte) (0x80 | (register << 1)), 0});
        return rx[1] & 0xFF;
    }

    void write(int register, int value) throws IOException {
        spi.transfer(new byte[]{(byte) ((register << 1) & 0x7E), (byte) value});
    }
}
