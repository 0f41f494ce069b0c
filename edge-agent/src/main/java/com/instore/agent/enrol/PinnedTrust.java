package com.instore.agent.enrol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which hub certificate the kiosk accepts: only one issued by the pinned store CA. The pin is either the CA certificate
 * (from an earlier enrolment or a file) or its SHA-256 (from the enrolment QR code / {@code --ca-sha256}): then the CA
 * must be in the chain the hub presents, and the chain must verify up to it. Host names are checked by the HTTP client.
 */
final class PinnedTrust implements X509TrustManager {
    private final Optional<X509Certificate> ca;
    private final Optional<String> caSha256;

    PinnedTrust(Optional<X509Certificate> ca, Optional<String> caSha256) {
        if (ca.isEmpty() && caSha256.isEmpty()) {
            throw new IllegalArgumentException("no CA to pin: give --ca-sha256 (from the enrolment code) or --ca-file");
        }
        this.ca = ca;
        this.caSha256 = caSha256.map(s -> s.strip().replace(":", "").toLowerCase(Locale.ROOT));
    }

    static X509Certificate readPem(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    static X509Certificate parse(String pem) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IOException("not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    SSLContext sslContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {this}, null);
        return context;
    }

    /** Whether {@code cert} is the pinned CA. */
    boolean matches(X509Certificate cert) {
        return ca.map(c -> c.equals(cert)).orElse(false) || caSha256.map(s -> s.equals(sha256(cert))).orElse(false);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        X509Certificate anchor = ca.orElseGet(() -> java.util.Arrays.stream(chain).filter(this::matches).findFirst()
                .orElse(null));
        if (anchor == null) {
            throw new CertificateException("the hub's certificate chain does not contain the pinned store CA");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("store-ca", anchor);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            ((X509TrustManager) tmf.getTrustManagers()[0]).checkServerTrusted(chain, authType);
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateException("the hub's certificate is not issued by the pinned store CA: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ca.map(c -> new X509Certificate[] {c}).orElse(new X509Certificate[0]);
    }
}
