package com.instore.hub.access;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashes (Bouncy Castle), encoded as {@code argon2id$m$t$p$salt$hash} (Base64). Parameters follow the
 * OWASP minimum (19 MiB, 2 passes, 1 lane): about 50 ms a check, on login only. Thread-safe.
 */
final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MEMORY_KB = 19 * 1024;
    private static final int PASSES = 2;
    private static final int HASH_BYTES = 32;

    private Passwords() {
    }

    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KB, PASSES, 1);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "argon2id$" + MEMORY_KB + "$" + PASSES + "$1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; false (never an exception) for a malformed hash. */
    static boolean matches(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[0].equals("argon2id")) {
            return false;
        }
        try {
            byte[] expected = Base64.getDecoder().decode(parts[5]);
            byte[] actual = argon2(password, Base64.getDecoder().decode(parts[4]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKb, int passes, int lanes) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKb).withIterations(passes).withParallelism(lanes).build());
        byte[] out = new byte[HASH_BYTES];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
