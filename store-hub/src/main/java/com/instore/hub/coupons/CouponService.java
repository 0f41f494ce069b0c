package com.instore.hub.coupons;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.instore.hub.api.JsonReply;
import com.instore.hub.qr.QrSvg;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Coupons for tills. {@code POST /api/coupons/{code}/redeem} with {@code {"requestId": "...", "till": "till-2"}} (or the
 * request id in an {@code Idempotency-Key} header): 200 redeemed (again 200, same body, for the same request id); 409 with
 * when and where when it was redeemed before (or the offer ran out); 410 expired; 404 unknown; 400 malformed.
 * {@code GET /api/coupons/{code}}: its state. Both need the operator role (a till holds an operator API token). {@code GET /api/coupons/{code}/qr.svg}: the QR code
 * the till scans (open: it says nothing the code does not). Blocking handlers.
 */
public final class CouponService implements HttpService {
    private static final HttpMediaType SVG = HttpMediaType.create("image/svg+xml");

    private final Coupons coupons;
    private final String storeId;
    private final MessageCodec json;
    private final JsonReply guard;
    private final Clock clock;

    public CouponService(Coupons coupons, String storeId, MessageCodec json, JsonReply guard, Clock clock) {
        this.coupons = coupons;
        this.storeId = storeId;
        this.json = json;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/coupons/{code}/redeem", this::redeem)
                .get("/api/coupons/{code}/qr.svg", this::qr)
                .get("/api/coupons/{code}", this::status);
    }

    /** The till's request. */
    record RedeemRequest(@JsonProperty("requestId") String requestId, @JsonProperty("till") String till) {
    }

    private void redeem(ServerRequest req, ServerResponse res) throws SQLException {
        RedeemRequest body = body(req);
        String requestId = req.headers().first(HeaderNames.create("Idempotency-Key"))
                .orElse(body == null ? null : body.requestId());
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            res.status(Status.BAD_REQUEST_400);
            guard.send(res, Map.of("error", "a requestId (1-64 characters) is required: the same id makes a retry safe"));
            return;
        }
        String till = body == null || body.till() == null ? "" : body.till();
        Redemption result = coupons.redeem(req.path().pathParameters().get("code"), requestId, storeId,
                till.length() > 64 ? till.substring(0, 64) : till, clock.instant());
        res.status(Status.create(result.outcome().status()));
        guard.send(res, result);
    }

    private RedeemRequest body(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return null;
        }
        try {
            return json.decode(req.content().as(byte[].class), RedeemRequest.class);
        } catch (InvalidMessageException e) {
            return null;
        }
    }

    private void status(ServerRequest req, ServerResponse res) throws SQLException {
        Optional<CouponStatus> status = coupons.status(req.path().pathParameters().get("code"));
        if (status.isEmpty()) {
            res.status(Status.NOT_FOUND_404);
            guard.send(res, Map.of("error", "no such coupon"));
        } else {
            guard.send(res, status.get());
        }
    }

    private void qr(ServerRequest req, ServerResponse res) {
        Optional<String> code = CouponCode.parse(req.path().pathParameters().get("code"));
        if (code.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        res.headers().contentType(SVG);
        res.headers().set(HeaderNames.CACHE_CONTROL, "private, max-age=3600");
        res.send(QrSvg.render(code.get()));
    }
}
