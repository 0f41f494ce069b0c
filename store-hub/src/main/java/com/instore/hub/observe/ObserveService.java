package com.instore.hub.observe;

import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: {@code {"status":"UP","checks":{"broker":"UP","db":"UP"}}}, 503 when any check is DOWN.
 * {@code GET /metrics}: the Prometheus text exposition of every hub meter. Checks must be quick and must not throw.
 */
public final class ObserveService implements HttpService {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Map<String, BooleanSupplier> checks;
    private final PrometheusMeterRegistry registry;
    private final MessageCodec json;

    public ObserveService(Map<String, BooleanSupplier> checks, PrometheusMeterRegistry registry, MessageCodec json) {
        this.checks = new LinkedHashMap<>(checks);
        this.registry = registry;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health)
                .get("/metrics", this::metrics);
    }

    /** The health document. */
    record Health(String status, Map<String, String> checks) {
    }

    private void health(ServerRequest req, ServerResponse res) {
        Map<String, String> results = new LinkedHashMap<>();
        checks.forEach((name, check) -> results.put(name, check.getAsBoolean() ? "UP" : "DOWN"));
        boolean up = !results.containsValue("DOWN");
        res.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json.encode(new Health(up ? "UP" : "DOWN", results)));
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        res.headers().set(HeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT);
        res.send(registry.scrape());
    }
}
