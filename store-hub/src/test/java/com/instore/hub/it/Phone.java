package com.instore.hub.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** A phone with the store's app: an Ed25519 key pair, the credential id the hub gave it, and its tap counter. */
final class Phone {
    private final KeyPair keys;
    private String credentialId;
    private long counter;

    Phone() throws GeneralSecurityException {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The public key to register (X.509 SubjectPublicKeyInfo, base64). */
    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    void linked(String id) {
        credentialId = id;
    }

    /** The token of the next tap: the counter rises. */
    String nextToken() throws GeneralSecurityException {
        return token(++counter);
    }

    String token(long withCounter) throws GeneralSecurityException {
        String signed = "P1." + credentialId + "." + withCounter;
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(keys.getPrivate());
        ed.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(ed.sign());
    }
}
