package com.instore.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny TCP relay between the agent and the broker, so a test can cut the agent's connection abruptly (the broker sees
 * the socket die, as when a kiosk loses power) while the proxy keeps accepting new connections.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Long> acceptedAt = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on new connections are closed at once, as if the broker were unreachable. */
    public void pause() {
        paused = true;
    }

    /** New connections are relayed again. */
    public void resume() {
        paused = false;
    }

    /** When each relayed connection was accepted ({@link System#nanoTime()}), oldest first. */
    public List<Long> acceptedAt() {
        return List.copyOf(acceptedAt);
    }

    /** Closes every relayed connection at once, as a dead network would. */
    public void cutAll() {
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (paused) {
                    closeQuietly(client);
                    continue;
                }
                acceptedAt.add(System.nanoTime());
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException brokerDown) {
                    closeQuietly(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                // Closed, or the broker is down: the agent's connect attempt fails and it retries.
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // One side closed.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }
}
