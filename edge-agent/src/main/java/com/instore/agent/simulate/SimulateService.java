package com.instore.agent.simulate;

import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.SimulatedTapReader;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Arrays;

/**
 * {@code POST /simulate/tap} with {@code {"type":"CARD_UID","value":"04A22B1A5C8001"}}: presents the credential to the
 * simulated reader and answers 202 with {@code {"tapId":"..."}} (the read's id); bad input gets 400 and a reason. Only
 * registered when the kiosk runs the simulated reader.
 */
public final class SimulateService implements HttpService {
    private final SimulatedTapReader reader;
    private final MessageCodec codec;

    public SimulateService(SimulatedTapReader reader, MessageCodec codec) {
        this.reader = reader;
        this.codec = codec;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/tap", this::tap);
    }

    private void tap(ServerRequest req, ServerResponse res) {
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        TapRequest request;
        try {
            request = codec.decode(req.content().as(byte[].class), TapRequest.class);
        } catch (InvalidMessageException e) {
            res.status(Status.BAD_REQUEST_400).send(codec.encode(new Problem(e.getMessage())));
            return;
        }
        try {
            CardRead read = reader.present(request.kind(), request.value());
            res.status(Status.ACCEPTED_202).send(codec.encode(new Accepted(read.readId())));
        } catch (IllegalStateException e) {
            res.status(Status.SERVICE_UNAVAILABLE_503).send(codec.encode(new Problem(e.getMessage())));
        }
    }

    /** The request body. */
    record TapRequest(String type, String value) {
        TapRequest {
            if (type == null || Arrays.stream(CardRead.Kind.values()).noneMatch(k -> k.name().equals(type))) {
                throw new IllegalArgumentException("'type' must be one of " + Arrays.toString(CardRead.Kind.values())
                        + ", got " + (type == null ? "nothing" : "'" + type + "'"));
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("'value' is missing or blank");
            }
        }

        CardRead.Kind kind() {
            return CardRead.Kind.valueOf(type);
        }
    }

    /** The 202 answer. */
    record Accepted(String tapId) {
    }

    /** A 4xx/5xx answer. */
    record Problem(String error) {
    }
}
