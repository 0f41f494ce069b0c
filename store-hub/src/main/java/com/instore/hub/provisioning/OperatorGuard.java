package com.instore.hub.provisioning;

import com.instore.hub.secrets.SecretFile;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;

import java.nio.file.Path;

/**
 * The operator routes' access check, kept in one small class so that users, roles and sessions (issue 6) can replace it:
 * {@code Authorization: Bearer <token>}, the token being the content of {@code <data-dir>/operator.token} (generated,
 * 0600, at first start). Compared in constant time on fingerprints; the token is never logged. Thread-safe.
 */
public final class OperatorGuard {
    private final String tokenSha256;

    private OperatorGuard(String tokenSha256) {
        this.tokenSha256 = tokenSha256;
    }

    /** Reads the token file, creating it with a new random token when missing. */
    public static OperatorGuard fromFile(Path tokenFile) {
        return new OperatorGuard(SecretFile.sha256Hex(SecretFile.readOrCreate(tokenFile)));
    }

    /** {@code handler}, answering 401 to a request without the operator token. */
    Handler guard(Handler handler, Replies replies) {
        return (req, res) -> {
            if (authorised(req)) {
                handler.handle(req, res);
            } else {
                res.headers().set(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"store-hub operator\"");
                replies.error(res, Status.UNAUTHORIZED_401,
                        "missing or wrong operator token (Authorization: Bearer <token from operator.token>)");
            }
        };
    }

    boolean authorised(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        return header.startsWith("Bearer ")
                && SecretFile.sameHex(tokenSha256, SecretFile.sha256Hex(header.substring(7).strip()));
    }
}
