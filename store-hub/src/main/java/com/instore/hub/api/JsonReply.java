package com.instore.hub.api;

import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.ServerResponse;

/**
 * JSON answers of the REST handlers (Jackson, via the codec). Who may call a route is not decided here: the access layer
 * ({@code com.instore.hub.access}) checks every route's role before any handler runs. Thread-safe.
 */
public final class JsonReply {
    private final MessageCodec json;

    public JsonReply(MessageCodec json) {
        this.json = json;
    }

    /** Sends {@code body} as JSON. */
    public void send(ServerResponse res, Object body) {
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json.encode(body));
    }
}
