package com.instore.hub.dashboard;

import com.instore.hub.db.Database;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.taps.TapPipeline;
import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Staff dashboard routes (roles are checked by the access layer). {@code GET /}: the page (its script and style are
 * local assets: the store may have no internet). {@code GET /dashboard/events}: SSE, a {@code snapshot} event every second
 * for as long as the page stays, and a comment line every {@code
 * heartbeat} (so proxies and browsers keep an idle-looking stream open; a page that sees no snapshot for a while
 * reconnects by itself). {@code GET /api/dashboard}: the same snapshot once. {@code GET /api/kiosks}: every kiosk
 * with presence and health. {@code GET /assets/{name}}: the page's assets. Handlers block (virtual threads).
 */
public final class DashboardService implements HttpService {
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Map<String, MediaType> ASSETS = Map.of(
            "dashboard.js", MediaTypes.create("text/javascript"),
            "dashboard.css", MediaTypes.create("text/css"),
            "console.js", MediaTypes.create("text/javascript"));

    private final Fleet fleet;
    private final MessageCodec json;
    private final DashboardState state;
    private final Duration heartbeat;

    public DashboardService(Fleet fleet, TapPipeline taps, Database db, MessageCodec json, ZoneId zone,
                            double latencyBudgetMs, Duration heartbeat, Clock clock) {
        this.fleet = fleet;
        this.heartbeat = heartbeat;
        this.json = json;
        this.state = new DashboardState(fleet, taps, new Figures(db, zone), new Alerts(latencyBudgetMs, zone), clock);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::page)
                .get("/dashboard/events", this::events)
                .get("/api/dashboard", (req, res) -> send(res, state.current()))
                .get("/api/kiosks", (req, res) -> send(res, fleet.kiosks()))
                .get("/assets/{name}", this::asset);
    }

    private void page(ServerRequest req, ServerResponse res) {
        res.headers().contentType(MediaTypes.TEXT_HTML);
        res.send(DashboardPage.render(fleet.storeName()));
    }

    private void events(ServerRequest req, ServerResponse res) {
        res.header(HeaderValues.CACHE_NO_CACHE);
        res.header(io.helidon.http.HeaderNames.create("X-Accel-Buffering"), "no"); // nginx: pass each event on at once
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(snapshot().build());
            long beat = System.nanoTime();
            while (true) {
                Thread.sleep(PERIOD);
                sink.emit(snapshot().build());
                if (System.nanoTime() - beat >= heartbeat.toNanos()) {
                    sink.emit(SseEvent.builder().comment("heartbeat").build());
                    beat = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException gone) {
            // The page went away or the server is stopping: the stream ends; the page's EventSource reconnects.
        }
    }

    private SseEvent.Builder snapshot() throws SQLException {
        return SseEvent.builder().name("snapshot").data(new String(json.encode(state.current()), StandardCharsets.UTF_8));
    }

    private void asset(ServerRequest req, ServerResponse res) throws IOException {
        String name = req.path().pathParameters().get("name");
        MediaType type = ASSETS.get(name);
        try (InputStream in = type == null ? null : DashboardService.class.getResourceAsStream("/hub-assets/" + name)) {
            if (in == null) {
                res.status(Status.NOT_FOUND_404).send();
                return;
            }
            res.headers().contentType(type);
            res.header(HeaderValues.CACHE_NO_CACHE);
            res.send(in.readAllBytes());
        }
    }

    private void send(ServerResponse res, Object body) {
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json.encode(body));
    }
}
