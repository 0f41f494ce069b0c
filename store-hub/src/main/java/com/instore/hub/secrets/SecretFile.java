package com.instore.hub.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Owner-only secret files: 32 random bytes, base64url without padding, created with permissions 0600 from the start (never
 * world-readable, not even for an instant). Also the SHA-256 used to keep only a secret's fingerprint. Thread-safe.
 */
public final class SecretFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /** A fresh random secret: 32 bytes, base64url without padding. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Reads the secret in {@code file}, creating it (0600, parent directories too) with a new secret when missing. */
    public static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            String secret = newSecret();
            write(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }

    /** The trimmed content of an existing secret file. */
    public static String read(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.isEmpty()) {
            throw new IOException("secret file " + file + " is empty");
        }
        return secret;
    }

    private static void write(Path file, String secret) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("secret file " + file + " appeared while creating it", raced);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Compares two hex fingerprints in constant time (case-insensitive), so timing tells nothing about the secret. */
    public static boolean sameHex(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                b.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
