package com.instore.devices.tap.mfrc522;

import java.util.Arrays;

/**
 * An ISO 14443-3 type A card as the fake chip's RF field sees it: IDLE -> (REQA) READY -> (anticollision + SELECT per
 * cascade level) ACTIVE -> (HLTA) HALT. It can leave the field after a given number of answers.
 */
final class FakeCard {
    private enum State { IDLE, READY, ACTIVE, HALT }

    private final byte[] uid;
    private State state = State.IDLE;
    private int answersLeft = Integer.MAX_VALUE;
    private boolean inField = true;

    FakeCard(byte[] uid) {
        if (uid.length != 4 && uid.length != 7) {
            throw new IllegalArgumentException("4- or 7-byte UIDs only");
        }
        this.uid = uid.clone();
    }

    /** The card answers {@code answers} more frames, then is gone (a hand pulled away mid-activation). */
    FakeCard leavingAfter(int answers) {
        this.answersLeft = answers;
        return this;
    }

    /** Takes the card out of the field and back: a power cycle, so a halted card answers REQA again. */
    void representAgain() {
        inField = true;
        state = State.IDLE;
        answersLeft = Integer.MAX_VALUE;
    }

    /** @return the card's answer, or null for silence */
    byte[] answer(byte[] frame, int txLastBits) {
        if (!inField || answersLeft <= 0) {
            inField = false;
            return null;
        }
        byte[] answer = respond(frame, txLastBits);
        if (answer != null) {
            answersLeft--;
        }
        return answer;
    }

    private byte[] respond(byte[] frame, int txLastBits) {
        int cmd = frame[0] & 0xFF;
        if (cmd == 0x26 && txLastBits == 7 && state == State.IDLE) {
            state = State.READY;
            return new byte[]{(byte) (uid.length == 4 ? 0x04 : 0x44), 0x00}; // ATQA: single / double size UID
        }
        int level = cmd == 0x93 ? 0 : cmd == 0x95 ? 1 : -1;
        if (level >= 0 && state == State.READY) {
            return frame.length == 2 && frame[1] == 0x20 ? uidPart(level) : select(level, frame);
        }
        if (cmd == 0x50 && state == State.ACTIVE && Arrays.equals(frame, Iso14443a.withCrc(new byte[]{0x50, 0}))) {
            state = State.HALT;
        }
        return null;
    }

    /** UID part of a cascade level and its BCC (XOR of the four bytes). */
    private byte[] uidPart(int level) {
        byte[] part = new byte[5];
        if (uid.length == 7 && level == 0) {
            part[0] = (byte) 0x88; // cascade tag: more UID follows
            System.arraycopy(uid, 0, part, 1, 3);
        } else {
            System.arraycopy(uid, uid.length == 7 ? 3 : 0, part, 0, 4);
        }
        part[4] = (byte) (part[0] ^ part[1] ^ part[2] ^ part[3]);
        return part;
    }

    private byte[] select(int level, byte[] frame) {
        byte[] expected = new byte[7];
        expected[0] = frame[0];
        expected[1] = 0x70;
        System.arraycopy(uidPart(level), 0, expected, 2, 5);
        if (!Arrays.equals(Iso14443a.withCrc(expected), frame)) {
            return null;
        }
        boolean last = uid.length == 4 || level == 1;
        if (last) {
            state = State.ACTIVE;
        }
        return Iso14443a.withCrc(new byte[]{(byte) (last ? 0x00 : 0x04)}); // SAK (00: Type 2 tag) + CRC_A
    }
}
