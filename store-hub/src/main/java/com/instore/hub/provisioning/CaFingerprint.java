package com.instore.hub.provisioning;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;

/** SHA-256 of a certificate's DER encoding, lower-case hex: what a kiosk may be told to pin before its first contact. */
final class CaFingerprint {
    private CaFingerprint() {
    }

    static String ofPem(String pem) {
        try {
            var cert = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate: " + e.getMessage(), e);
        }
    }
}
