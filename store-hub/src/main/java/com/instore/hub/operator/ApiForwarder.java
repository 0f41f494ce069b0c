package com.instore.hub.operator;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * {@code /operator/api/**}: the REST API for callers who hold a session or a personal API token, the role already checked
 * by the access layer (operator). Some REST handlers still check their own shared bearer token (provisioning:
 * {@code operator.token}; members, offers, coupons: {@code api.secret}); this forwards the call over loopback with that
 * token, so the console and storectl never see a shared secret. The audit log records the caller's name here.
 * Blocking; thread-safe.
 */
final class ApiForwarder implements HttpService {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IntSupplier port;
    private final String operatorToken;
    private final String apiToken;

    ApiForwarder(IntSupplier port, String operatorToken, String apiToken) {
        this.port = port;
        this.operatorToken = operatorToken;
        this.apiToken = apiToken;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/operator/api/*", this::forward);
    }

    private void forward(ServerRequest req, ServerResponse res) throws IOException, InterruptedException {
        String rest = req.path().path().substring("/operator/api/".length());
        String query = req.query().rawValue();
        URI target = URI.create("http://127.0.0.1:" + port.getAsInt() + "/api/" + rest + (query.isEmpty() ? "" : "?" + query));
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokenFor(rest))
                .method(req.prologue().method().text(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        req.headers().contentType().ifPresent(t -> out.header("Content-Type", t.text()));
        HttpResponse<byte[]> answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        res.status(Status.create(answer.statusCode()));
        res.headers().contentType(answer.headers().firstValue("content-type").map(t -> MediaTypes.create(t.split(";")[0].strip()))
                .orElse(MediaTypes.APPLICATION_JSON));
        answer.headers().firstValue("location").ifPresent(l -> res.headers().set(HeaderNames.LOCATION, l));
        res.send(answer.body());
    }

    /** Provisioning (kiosks, store) checks the operator token; members, offers and coupons the API token. */
    private String tokenFor(String rest) {
        return rest.startsWith("kiosks") || rest.startsWith("store") || rest.startsWith("enrol") ? operatorToken : apiToken;
    }
}
