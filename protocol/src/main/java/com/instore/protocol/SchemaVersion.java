package com.instore.protocol;

/** The schema version every message carries in {@code v}. A message of another version is rejected, never guessed at. */
public final class SchemaVersion {
    public static final int CURRENT = 1;

    private SchemaVersion() {
    }
}
