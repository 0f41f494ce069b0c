package com.instore.hub.tls;

import com.instore.hub.secrets.SecretFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The hub's TLS material for one run: its server identity (from the store CA, re-issued at every start, or from a given
 * keystore), a PKCS12 keystore for the broker's TLS listener with a per-start password, and the CA certificate that kiosks
 * pin. Immutable.
 *
 * @param identity          key and chain (leaf first, CA last)
 * @param keystore          the PKCS12 file the broker reads
 * @param keystorePassword  its password (never logged)
 * @param caPem             the CA certificate in PEM, handed to kiosks at enrolment
 */
public record HubTls(ServerIdentity identity, Path keystore, String keystorePassword, String caPem) {
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    private static final String ALIAS = "hub";

    /** Builds the material under {@code <dataDir>/tls}. */
    public static HubTls prepare(TlsSettings settings, Path dataDir, String storeId, Clock clock) throws IOException {
        Path dir = dataDir.resolve("tls");
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (settings.keystore().isPresent()) {
            return given(settings.keystore().get(), SecretFile.read(settings.keystorePasswordFile().get()));
        }
        StoreCa ca = StoreCa.loadOrCreate(dir, storeId, clock);
        ServerIdentity identity = ca.issueServer(settings.hostnames(), SERVER_VALIDITY);
        String password = SecretFile.newSecret();
        Path keystore = dir.resolve("hub.p12");
        writeKeystore(keystore, identity, password);
        return new HubTls(identity, keystore, password, Pem.encode(ca.certificate()));
    }

    private static HubTls given(Path keystore, String password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            String alias = store.aliases().nextElement();
            PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
            List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
                    .map(X509Certificate.class::cast).toList();
            ServerIdentity identity = new ServerIdentity(key, chain);
            return new HubTls(identity, keystore, password, Pem.encode(identity.trustAnchor()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("cannot use the keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static void writeKeystore(Path file, ServerIdentity identity, String password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, identity.key(), password.toCharArray(),
                    identity.chain().toArray(Certificate[]::new));
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the keystore " + file, e);
        }
    }

    @Override
    public String toString() {
        return "HubTls[keystore=" + keystore + "]"; // never the password
    }
}
