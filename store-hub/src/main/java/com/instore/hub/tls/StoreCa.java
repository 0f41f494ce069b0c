package com.instore.hub.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The store's own certificate authority: an EC P-256 key and a self-signed CA certificate, generated at first start into
 * {@code <dir>/ca.key.pem} (0600) and {@code <dir>/ca.pem}, reused afterwards. It signs the hub's server certificate
 * (MQTT over TLS, HTTPS); kiosks pin the CA certificate at enrolment. Thread-safe after creation.
 */
public final class StoreCa {
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;

    private StoreCa(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** Loads the CA from {@code dir}, creating it when missing. */
    public static StoreCa loadOrCreate(Path dir, String storeId, Clock clock) throws IOException {
        Path keyFile = dir.resolve("ca.key.pem");
        Path certFile = dir.resolve("ca.pem");
        if (Files.exists(keyFile) && Files.exists(certFile)) {
            return new StoreCa(Pem.privateKey(keyFile), Pem.certificate(Files.readString(certFile)), clock);
        }
        KeyPair pair = newKeyPair();
        X500Name name = new X500Name("CN=" + storeId + " store CA,O=instore");
        X509Certificate cert = sign(name, pair.getPublic(), name, pair.getPrivate(), clock.instant(), CA_VALIDITY,
                true, List.of());
        Pem.writeSecret(keyFile, Pem.encode(pair.getPrivate()));
        Files.writeString(certFile, Pem.encode(cert), StandardCharsets.US_ASCII);
        return new StoreCa(pair.getPrivate(), cert, clock);
    }

    /** A fresh server key and certificate for {@code hostnames} (DNS names or IP addresses), signed by this CA. */
    public ServerIdentity issueServer(List<String> hostnames, Duration validity) throws IOException {
        KeyPair pair = newKeyPair();
        X500Name subject = new X500Name("CN=" + hostnames.getFirst());
        X509Certificate cert = sign(subject, pair.getPublic(), X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                key, clock.instant(), validity, false, hostnames);
        return new ServerIdentity(pair.getPrivate(), List.of(cert, certificate));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private static KeyPair newKeyPair() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate an EC key", e);
        }
    }

    private static X509Certificate sign(X500Name subject, java.security.PublicKey publicKey, X500Name issuer,
                                        PrivateKey issuerKey, Instant now, Duration validity, boolean ca,
                                        List<String> hostnames) throws IOException {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, publicKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, altNames(hostnames));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot sign a certificate", e);
        }
    }

    private static GeneralNames altNames(List<String> hostnames) {
        return new GeneralNames(hostnames.stream().map(h -> isAddress(h)
                ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h))
                .toArray(GeneralName[]::new));
    }

    private static boolean isAddress(String host) {
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(host) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
