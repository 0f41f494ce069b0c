package com.instore.hub.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFileTest {
    @Test
    void readOrCreate_missingFile_writesA256BitSecretReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/x.secret");

        String secret = SecretFile.readOrCreate(file);

        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretFile.readOrCreate(file)).isEqualTo(secret);
    }

    @Test
    void sha256Hex_isTheLowerCaseHexDigest() {
        assertThat(SecretFile.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sameHex_comparesFingerprintsIgnoringCase() {
        assertThat(SecretFile.sameHex("ABCD", "abcd")).isTrue();
        assertThat(SecretFile.sameHex("abcd", "abce")).isFalse();
        assertThat(SecretFile.sameHex(null, "abcd")).isFalse();
    }
}
