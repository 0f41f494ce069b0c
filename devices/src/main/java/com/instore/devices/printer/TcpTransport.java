package com.instore.devices.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A network printer's raw port (JetDirect, usually 9100). Reads time out, so a silent printer cannot hang a job. */
final class TcpTransport implements Transport {
    private final String host;
    private final int port;
    private final Duration timeout;

    TcpTransport(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public Link open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new StreamLink(socket.getOutputStream(), socket.getInputStream(), socket);
        } catch (IOException e) {
            socket.close();
            throw new IOException("printer " + name() + " unreachable: " + e.getMessage(), e);
        }
    }

    /** A link over two streams, closing one resource at the end. */
    record StreamLink(OutputStream out, InputStream in, java.io.Closeable resource) implements Link {
        @Override
        public void close() throws IOException {
            resource.close();
        }
    }
}
