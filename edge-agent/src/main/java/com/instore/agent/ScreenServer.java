package com.instore.agent;

import com.instore.agent.screen.ScreenBroadcaster;
import com.instore.agent.screen.ScreenConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The kiosk screen's web server (page, SSE, local APIs) and its restart (the RESTART_SCREEN command): open pages are
 * told to reload, the server stops and starts again on the same port, and the restart counts as done once every page
 * that was open has come back (reloaded and subscribed again). Thread-safe; {@link #restart} blocks.
 */
final class ScreenServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ScreenServer.class.getName());

    private final ScreenConfig config;
    private final Consumer<HttpRouting.Builder> routes;
    private final ScreenBroadcaster pages;
    private WebServer server;

    ScreenServer(ScreenConfig config, Consumer<HttpRouting.Builder> routes, ScreenBroadcaster pages) {
        this.config = config;
        this.routes = routes;
        this.pages = pages;
    }

    /** Starts serving; returns the port (a free one when configured as 0). */
    synchronized int start() {
        server = build(config.port());
        return server.port();
    }

    /**
     * Restarts the server on the same port and waits up to {@code pagesBack} for the pages that were open to reload.
     *
     * @return what happened, in words
     * @throws IllegalStateException when the server cannot listen again or a page did not come back in time
     */
    synchronized String restart(Duration pagesBack) throws InterruptedException {
        int port = server.port();
        int open = pages.subscriberCount();
        long openedBefore = pages.subscriptionsOpened();
        pages.restartPages();
        server.stop();
        server = rebind(port);
        LOG.info("screen server restarted on port " + port + ", " + open + " page(s) to come back");
        long deadline = System.nanoTime() + pagesBack.toNanos();
        while (pages.subscriptionsOpened() - openedBefore < open && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling a counter: pages reconnect on their own schedule
        }
        long back = Math.min(open, pages.subscriptionsOpened() - openedBefore);
        if (back < open) {
            throw new IllegalStateException("screen server restarted on port " + port + " but only " + back + " of "
                    + open + " page(s) came back within " + pagesBack.toSeconds() + " s");
        }
        return "screen server restarted on port " + port + "; " + back + " of " + open + " page(s) reloaded and back";
    }

    private WebServer rebind(int port) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return build(port);
            } catch (RuntimeException e) {
                if (attempt == 20) {
                    throw new IllegalStateException("the screen server cannot listen on port " + port + " again: "
                            + e.getMessage(), e);
                }
                Thread.sleep(100); // the old socket may still be closing
            }
        }
    }

    private WebServer build(int port) {
        return WebServer.builder().host(config.host()).port(port).routing(routes::accept).build().start();
    }

    synchronized int port() {
        return server.port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }
}
