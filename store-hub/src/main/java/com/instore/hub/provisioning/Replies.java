package com.instore.hub.provisioning;

import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/** JSON in and out for the provisioning routes (Jackson via the codec). Stateless. */
final class Replies {
    private final MessageCodec json;

    Replies(MessageCodec json) {
        this.json = json;
    }

    /** Thrown for a request body that cannot be read; becomes a 400 with the reason. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    <T> T body(ServerRequest req, Class<T> type) throws BadRequest {
        try {
            return json.decode(req.content().as(byte[].class), type);
        } catch (InvalidMessageException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    void send(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json.encode(body));
    }

    void error(ServerResponse res, Status status, String message) {
        send(res, status, Map.of("error", message));
    }
}
