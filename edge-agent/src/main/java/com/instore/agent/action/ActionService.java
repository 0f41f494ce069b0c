package com.instore.agent.action;

import com.instore.protocol.Consents;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ShopperAction;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The kiosk page's touch actions: {@code POST /action} with {@code {"tapId":"...","type":"PRINT_COUPON","offerId":"..."}}
 * ({@code DISMISS_OFFER} likewise; {@code SET_CONSENTS} with {@code "consents":{...}}; {@code SET_PREFERENCES} with
 * {@code "preferences":[...]}). Only the tap on screen can be acted on (409 otherwise: the screen moved on). The action goes
 * to the hub on the {@code action} channel; the hub answers with a redrawn screen (and a print job). 202 when handed to the
 * link, 400 when malformed. Non-blocking.
 */
public final class ActionService implements HttpService {
    private final KioskAddress kiosk;
    private final Supplier<String> tapOnScreen;
    private final ActionChannel channel;
    private final MessageCodec codec;
    private final Clock clock;

    /** Where actions go: the MQTT link's publish on this kiosk's action topic. Must not block. */
    @FunctionalInterface
    public interface ActionChannel {
        void send(byte[] payload);
    }

    public ActionService(KioskAddress kiosk, Supplier<String> tapOnScreen, ActionChannel channel, MessageCodec codec,
                         Clock clock) {
        this.kiosk = kiosk;
        this.tapOnScreen = tapOnScreen;
        this.channel = channel;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::act);
    }

    /** What the page sends. */
    record Request(String tapId, ShopperAction.Type type, String offerId, Consents consents, List<String> preferences) {
    }

    private void act(ServerRequest req, ServerResponse res) {
        Request request;
        ShopperAction action;
        try {
            request = codec.decode(req.content().as(byte[].class), Request.class);
            action = new ShopperAction(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(),
                    kiosk.kioskId(), request.tapId(), request.type(), request.offerId(), request.consents(),
                    request.preferences());
        } catch (InvalidMessageException | IllegalArgumentException | NullPointerException e) {
            reply(res, Status.BAD_REQUEST_400, "not an action: " + e.getMessage());
            return;
        }
        if (!action.tapId().equals(tapOnScreen.get())) {
            reply(res, Status.CONFLICT_409, "that screen is gone: tap again");
            return;
        }
        channel.send(codec.encode(action));
        reply(res, Status.ACCEPTED_202, "sent");
    }

    private void reply(ServerResponse res, Status status, String text) {
        res.status(status).header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(codec.encode(Map.of("result", text)));
    }
}
