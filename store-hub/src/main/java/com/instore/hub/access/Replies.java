package com.instore.hub.access;

import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/** JSON answers of the access routes (Jackson through the codec). */
final class Replies {
    static final MessageCodec JSON = new MessageCodec();

    private Replies() {
    }

    static void json(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(JSON.encode(body));
    }

    static void error(ServerResponse res, Status status, String message) {
        json(res, status, Map.of("error", message));
    }
}
