package com.instore.hub.api;

import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.file.Path;
import java.util.Map;

/**
 * Guards the REST endpoints that read or change members' data, offers and coupons: the caller must send
 * {@code Authorization: Bearer <token>}, the token being the content of {@code <data-dir>/api.secret} (generated, 0600, at
 * first start; give it to tills and staff tools). Compared in constant time. Thread-safe.
 */
public final class ApiGuard {
    private final String tokenSha256;
    private final MessageCodec json;

    private ApiGuard(String tokenSha256, MessageCodec json) {
        this.tokenSha256 = tokenSha256;
        this.json = json;
    }

    /** Reads the token file, creating it with a new random token when missing. */
    public static ApiGuard fromFile(Path tokenFile, MessageCodec json) {
        return new ApiGuard(SecretFile.sha256Hex(SecretFile.readOrCreate(tokenFile)), json);
    }

    /** {@code handler}, answering 401 to a request without the right token. */
    public Handler guard(Handler handler) {
        return (req, res) -> {
            if (authorised(req)) {
                handler.handle(req, res);
            } else {
                res.status(Status.UNAUTHORIZED_401);
                res.headers().set(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"store-hub\"");
                send(res, Map.of("error", "missing or wrong API token (Authorization: Bearer <token from api.secret>)"));
            }
        };
    }

    private boolean authorised(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        return header.startsWith("Bearer ") && SecretFile.sameHex(tokenSha256, SecretFile.sha256Hex(header.substring(7).strip()));
    }

    /** Sends {@code body} as JSON (Jackson, via the codec). */
    public void send(ServerResponse res, Object body) {
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json.encode(body));
    }
}
