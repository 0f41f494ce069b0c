package com.instore.protocol;

import java.util.UUID;

/** Validation shared by the message records' compact constructors; every failure names the field. */
final class Check {
    private Check() {
    }

    static int version(int v) {
        if (v == 0) {
            throw new IllegalArgumentException("missing schema version 'v'");
        }
        if (v != SchemaVersion.CURRENT) {
            throw new IllegalArgumentException("unsupported schema version v=" + v + ", this side speaks v="
                    + SchemaVersion.CURRENT);
        }
        return v;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return value;
    }

    static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("'" + field + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    static String uuid(String value, String field) {
        present(value, field);
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "' is not a UUID: '" + value + "'");
        }
        return value;
    }
}
