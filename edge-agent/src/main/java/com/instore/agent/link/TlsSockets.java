package com.instore.agent.link;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS sockets for {@code ssl://} brokers (issue 7): trusting only the pinned store CA when one is configured, with
 * TCP_NODELAY like every other MQTT socket. Paho needs an {@link SSLSocketFactory} for {@code ssl://} URIs.
 */
final class TlsSockets extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    private TlsSockets(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /**
     * A factory trusting {@code caFile} alone (the JDK's CAs when empty).
     *
     * @throws IllegalStateException naming the file when it cannot be used
     */
    static SSLSocketFactory factory(Optional<Path> caFile) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(caFile.isPresent() ? trusting(caFile.get()) : null);
            context.init(null, tmf.getTrustManagers(), null);
            return new TlsSockets(context.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the CA file " + caFile.orElse(null) + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore trusting(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(file)) {
            store.setCertificateEntry("store-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        return store;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        s.setTcpNoDelay(true);
        return noDelay(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
