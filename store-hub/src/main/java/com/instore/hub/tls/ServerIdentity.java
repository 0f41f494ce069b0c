package com.instore.hub.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A server's private key and its certificate chain, leaf first, ending with the CA that clients trust. */
public record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {
    public ServerIdentity {
        chain = List.copyOf(chain);
    }

    /** The last certificate of the chain: the one clients pin. */
    public X509Certificate trustAnchor() {
        return chain.getLast();
    }
}
