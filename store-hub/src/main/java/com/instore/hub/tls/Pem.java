package com.instore.hub.tls;

import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;

/** PEM files for keys (written owner-only from the start) and certificates. Stateless. */
final class Pem {
    private Pem() {
    }

    /**
     * PEM of a certificate, or of a private key as PKCS#8 ({@code PRIVATE KEY}): the JDK's EC keys converted to SEC1
     * ({@code EC PRIVATE KEY}) lose their curve, and could not be read back.
     */
    static String encode(Object keyOrCertificate) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(keyOrCertificate instanceof PrivateKey key
                    ? new JcaPKCS8Generator(key, null).generate() : keyOrCertificate);
        }
        return out.toString();
    }

    static X509Certificate certificate(String pem) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IOException("not an X.509 certificate in PEM: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return switch (parsed) {
                case PEMKeyPair pair -> converter.getPrivateKey(withCurve(pair.getPrivateKeyInfo()));
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case null, default -> throw new IOException(file + " holds no private key");
            };
        }
    }

    /**
     * Earlier hubs wrote their CA key as SEC1 without its curve (always P-256, see {@link StoreCa}): name the curve so
     * that such a key still loads.
     */
    private static PrivateKeyInfo withCurve(PrivateKeyInfo info) throws IOException {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm()) || algorithm.getParameters() != null) {
            return info;
        }
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                SECObjectIdentifiers.secp256r1), info.parsePrivateKey());
    }

    /** Writes a secret (a private key) to a file created 0600, replacing nothing: the file must not exist. */
    static void writeSecret(Path file, String pem) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
