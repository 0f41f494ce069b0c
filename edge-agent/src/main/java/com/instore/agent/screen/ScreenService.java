package com.instore.agent.screen;

import com.instore.protocol.MessageCodec;
import io.helidon.http.HeaderValues;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kiosk page's data: {@code GET /screen/state} (the current {@link ScreenState} as JSON), {@code GET /screen/instance}
 * (this server's id) and {@code GET /screen/events}
 * (Server-Sent Events: {@code screen} with the current state at once, then every change; {@code settings} with the page's
 * theme, language and offers per screen, at once and on every change; {@code restart} before the screen server restarts;
 * and a comment every heartbeat so that proxies and the browser keep the stream open for hours). Each event stream holds its own (virtual) request thread.
 */
public final class ScreenService implements HttpService {
    private static final Logger LOG = Logger.getLogger(ScreenService.class.getName());
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    private final ScreenBroadcaster broadcaster;
    private final MessageCodec codec;
    private final Duration heartbeat;
    /** This server's own id: a page told to restart reloads once {@code /screen/instance} answers another one. */
    private final String instance = java.util.UUID.randomUUID().toString();

    public ScreenService(ScreenBroadcaster broadcaster, MessageCodec codec) {
        this(broadcaster, codec, DEFAULT_HEARTBEAT);
    }

    ScreenService(ScreenBroadcaster broadcaster, MessageCodec codec, Duration heartbeat) {
        this.broadcaster = broadcaster;
        this.codec = codec;
        this.heartbeat = heartbeat;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/state", this::state)
                .get("/events", this::events)
                .get("/instance", (req, res) -> res.header(HeaderValues.CACHE_NO_CACHE).send(instance));
    }

    private void state(ServerRequest req, ServerResponse res) {
        res.header(HeaderValues.CONTENT_TYPE_JSON).header(HeaderValues.CACHE_NO_CACHE);
        res.send(codec.encode(broadcaster.current()));
    }

    private void events(ServerRequest req, ServerResponse res) {
        try (ScreenBroadcaster.Subscription subscription = broadcaster.subscribe();
             SseSink sink = res.sink(SseSink.TYPE)) {
            stream(subscription, sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException gone) {
            // The page went away (or the server is stopping): the stream simply ends.
            LOG.log(Level.FINE, "screen event stream ended", gone);
        }
    }

    private void stream(ScreenBroadcaster.Subscription subscription, SseSink sink) throws InterruptedException {
        while (true) {
            Optional<ScreenBroadcaster.PageEvent> next = subscription.next(heartbeat);
            if (next.isPresent()) {
                boolean restart = "restart".equals(next.get().name());
                Object data = restart ? java.util.Map.of("instance", instance) : next.get().data();
                sink.emit(SseEvent.builder().name(next.get().name())
                        .data(new String(codec.encode(data), StandardCharsets.UTF_8)).build());
                if (restart) {
                    return; // the page reloads itself once a new server answers /screen/instance
                }
            } else {
                sink.emit(SseEvent.builder().comment("heartbeat").build());
            }
        }
    }
}
