package com.instore.hub.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/** The NTAG 424 DNA SDM keys from their files (32 hex digits each); null when not configured. */
record SunKeys(byte[] metaKey, byte[] fileKey) {
    static SunKeys load(IdentityConfig config) {
        return new SunKeys(read(config.sunMetaKeyFile()), read(config.sunFileKeyFile()));
    }

    private static byte[] read(Optional<Path> file) {
        if (file.isEmpty()) {
            return null;
        }
        try {
            byte[] key = HexFormat.of().parseHex(Files.readString(file.get()).strip());
            if (key.length != 16) {
                throw new IllegalArgumentException(file.get() + " must hold an AES-128 key: 32 hex digits");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SUN key file " + file.get(), e);
        }
    }
}
