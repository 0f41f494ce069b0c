package com.instore.hub.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCaTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void secondStart_loadsTheSameCa_andItsKeyStillSigns() throws Exception {
        StoreCa first = StoreCa.loadOrCreate(dir, "s1", CLOCK);

        StoreCa again = StoreCa.loadOrCreate(dir, "s1", CLOCK);

        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertSignedBy(again.issueServer(List.of("hub.local", "127.0.0.1"), Duration.ofDays(1)), first.certificate());
        assertThat(Files.readString(dir.resolve("ca.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(dir.resolve("ca.key.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void keyWrittenByEarlierHubs_asSec1WithoutItsCurve_stillLoads() throws Exception {
        StoreCa first = StoreCa.loadOrCreate(dir, "s1", CLOCK);
        Path keyFile = dir.resolve("ca.key.pem");
        PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(
                new org.bouncycastle.openssl.PEMParser(Files.newBufferedReader(keyFile)).readObject());
        StringWriter sec1 = new StringWriter();
        try (PemWriter writer = new PemWriter(sec1)) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", pkcs8.parsePrivateKey().toASN1Primitive().getEncoded()));
        }
        Files.writeString(keyFile, sec1.toString());

        StoreCa again = StoreCa.loadOrCreate(dir, "s1", CLOCK);

        assertSignedBy(again.issueServer(List.of("hub.local"), Duration.ofDays(1)), first.certificate());
    }

    @Test
    void unreadableKeyFile_isAClearError() throws Exception {
        StoreCa.loadOrCreate(dir, "s1", CLOCK);
        Files.writeString(dir.resolve("ca.key.pem"), "not a key\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoreCa.loadOrCreate(dir, "s1", CLOCK))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("ca.key.pem holds no private key");
    }

    private static void assertSignedBy(ServerIdentity server, X509Certificate ca) throws Exception {
        X509Certificate leaf = server.chain().getFirst();
        leaf.verify(ca.getPublicKey());
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    }
}
