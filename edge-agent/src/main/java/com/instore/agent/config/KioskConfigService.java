package com.instore.agent.config;

import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /kiosk/config}: the screen settings in force (theme, language, offers per screen) and the applied
 * configuration version, for the kiosk page and for staff at the kiosk. Local only, like the page.
 */
public final class KioskConfigService implements HttpService {
    private final Supplier<ScreenSettings> screen;
    private final DesiredConfig config;
    private final MessageCodec json;

    public KioskConfigService(Supplier<ScreenSettings> screen, DesiredConfig config, MessageCodec json) {
        this.screen = screen;
        this.config = config;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("screen", screen.get());
            body.put("applied", config.applied().orElse(null));
            res.headers().contentType(MediaTypes.APPLICATION_JSON);
            res.send(json.encode(body));
        });
    }
}
