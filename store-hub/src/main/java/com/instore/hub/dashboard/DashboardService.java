package com.instore.hub.dashboard;

import com.instore.hub.kiosks.Fleet;
import com.instore.hub.taps.TapPipeline;
import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.SQLException;
import java.time.ZoneId;

/**
 * Staff dashboard routes. {@code GET /}: the staff page. {@code GET /api/kiosks}: every declared kiosk with its presence
 * and health, as JSON. Handlers block on the database (Helidon runs them on virtual threads).
 */
public final class DashboardService implements HttpService {
    static final int RECENT_TAPS = 20;

    private final Fleet fleet;
    private final TapPipeline taps;
    private final MessageCodec json;
    private final DashboardPage page;

    public DashboardService(Fleet fleet, TapPipeline taps, MessageCodec json, ZoneId zone) {
        this.fleet = fleet;
        this.taps = taps;
        this.json = json;
        this.page = new DashboardPage(zone);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::page)
                .get("/api/kiosks", this::kiosks);
    }

    private void page(ServerRequest req, ServerResponse res) throws SQLException {
        res.headers().contentType(MediaTypes.TEXT_HTML);
        res.send(page.render(fleet.storeName(), fleet.kiosks(), taps.recent(RECENT_TAPS)));
    }

    private void kiosks(ServerRequest req, ServerResponse res) throws SQLException {
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json.encode(fleet.kiosks()));
    }
}
