package com.instore.devices.tap.ndef;

import com.instore.devices.tap.CardReadException;

/** Reads a Type 2 tag's memory: the READ command answers 16 bytes, i.e. four 4-byte pages from {@code firstPage} on. */
@FunctionalInterface
public interface PageReader {
    byte[] readFourPages(int firstPage) throws CardReadException;
}
