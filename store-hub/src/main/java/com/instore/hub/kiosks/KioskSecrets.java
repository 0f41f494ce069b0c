package com.instore.hub.kiosks;

import com.instore.hub.secrets.SecretFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides each kiosk's secret fingerprint at start, per CONVENTIONS: a {@code password-sha256} from the store file wins;
 * otherwise the fingerprint already in the database; otherwise an existing secret file; otherwise a new secret is generated
 * into {@code kiosk-secrets/<kioskId>.secret} (0600).
 * <p>
 * Why plain SHA-256 and not bcrypt/argon2: these are 256-bit random secrets, not human passwords. Slow hashes exist to make
 * guessing low-entropy passwords expensive; nobody can enumerate 2^256 candidates, fast or slow, so a slow hash would only
 * add latency to every kiosk (re)connect without adding security.
 */
final class KioskSecrets {
    private final Path dir;

    KioskSecrets(Path dataDir) {
        this.dir = dataDir.resolve("kiosk-secrets");
    }

    /** The fingerprint to keep for {@code kiosk}, creating its secret file when nothing else provides one. */
    String fingerprint(StoreFile.KioskDecl kiosk, Optional<String> inDatabase) throws IOException {
        if (kiosk.passwordSha256() != null) {
            return kiosk.passwordSha256();
        }
        if (inDatabase.isPresent()) {
            return inDatabase.get();
        }
        Path file = file(kiosk.id());
        String secret = Files.exists(file) ? SecretFile.read(file) : SecretFile.readOrCreate(file);
        return SecretFile.sha256Hex(secret);
    }

    /** The secret in clear from its file, when the file exists and matches {@code fingerprint}; empty otherwise. */
    Optional<String> secret(String kioskId, String fingerprint) {
        Path file = file(kioskId);
        try {
            if (Files.exists(file)) {
                String secret = SecretFile.read(file);
                return SecretFile.sameHex(SecretFile.sha256Hex(secret), fingerprint) ? Optional.of(secret) : Optional.empty();
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Deletes a generated secret file, so that a re-created kiosk gets a new secret. */
    void delete(String kioskId) throws IOException {
        Files.deleteIfExists(file(kioskId));
    }

    Path file(String kioskId) {
        return dir.resolve(kioskId + ".secret");
    }
}
