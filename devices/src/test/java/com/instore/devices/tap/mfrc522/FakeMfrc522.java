package com.instore.devices.tap.mfrc522;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A fake MFRC522 that speaks the chip's SPI register protocol (address byte {@code 1 aaaaaa 0} to read,
 * {@code 0 aaaaaa 0} to write) and runs the Transceive command against an optional {@link FakeCard} in its field.
 * Thread-safe: the test thread places cards while the reader thread talks SPI.
 */
final class FakeMfrc522 implements SpiBus {
    private final int[] registers = new int[64];
    private final Deque<Byte> fifo = new ArrayDeque<>();
    private FakeCard card;
    private boolean connected = true;
    private boolean closed;

    FakeMfrc522() {
        registers[Mfrc522.VERSION] = 0x92; // MFRC522 version 2.0
    }

    synchronized void place(FakeCard card) {
        this.card = card;
    }

    synchronized void remove() {
        this.card = null;
    }

    /** Unplugged, every register reads 00 (MISO pulled low); plugged back, the chip answers again. */
    synchronized void setConnected(boolean connected) {
        this.connected = connected;
    }

    synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized byte[] transfer(byte[] tx) throws IOException {
        if (tx.length != 2) {
            throw new IOException("the driver sends one register access per transfer");
        }
        int register = (tx[0] >> 1) & 0x3F;
        byte[] rx = new byte[2];
        if (!connected) {
            return rx;
        }
        if ((tx[0] & 0x80) != 0) {
            rx[1] = (byte) read(register);
        } else {
            write(register, tx[1] & 0xFF);
        }
        return rx;
    }

    private int read(int register) {
        return switch (register) {
            case Mfrc522.FIFO_DATA -> fifo.isEmpty() ? 0 : fifo.poll() & 0xFF;
            case Mfrc522.FIFO_LEVEL -> fifo.size();
            default -> registers[register];
        };
    }

    private void write(int register, int value) {
        switch (register) {
            case Mfrc522.FIFO_DATA -> fifo.add((byte) value);
            case Mfrc522.FIFO_LEVEL -> {
                if ((value & 0x80) != 0) {
                    fifo.clear();
                }
            }
            case Mfrc522.COM_IRQ -> registers[register] &= (value & 0x80) != 0 ? 0xFF : ~value & 0x7F;
            case Mfrc522.COMMAND -> registers[register] = value == Mfrc522.CMD_SOFT_RESET ? 0 : value;
            case Mfrc522.BIT_FRAMING -> {
                registers[register] = value;
                if ((value & 0x80) != 0 && registers[Mfrc522.COMMAND] == Mfrc522.CMD_TRANSCEIVE) {
                    transceive(value & 0x07);
                }
            }
            default -> registers[register] = value;
        }
    }

    private void transceive(int txLastBits) {
        byte[] frame = new byte[fifo.size()];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = fifo.poll();
        }
        byte[] answer = card == null ? null : card.answer(frame, txLastBits);
        registers[Mfrc522.ERROR] = 0;
        if (answer == null) {
            registers[Mfrc522.COM_IRQ] |= 0x01; // TimerIRq: nobody answered in time
            return;
        }
        for (byte b : answer) {
            fifo.add(b);
        }
        registers[Mfrc522.CONTROL] = 0; // RxLastBits: whole bytes
        registers[Mfrc522.COM_IRQ] |= 0x30; // RxIRq + IdleIRq
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
