package com.instore.hub.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instore.hub.secrets.SecretFile;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP authentication and authorisation an external broker such as EMQX calls ({@code authn}: username, password,
 * client id; {@code authz}: username, client id, topic, action), answering {@code allow}, {@code deny} or {@code ignore}
 * ("not this store's client": a chain's broker asks each store's hub in turn) with the same {@link AccessRules} as the
 * embedded broker. Not an oracle for anyone who can reach the hub: every call must carry the shared secret in
 * {@code X-Broker-Auth}, and when source addresses are configured it must come from one of them; otherwise 403.
 * Handlers block only on parsing; thread-safe.
 */
public final class BrokerAuth implements HttpService {
    static final HeaderName SECRET_HEADER = HeaderNames.create("X-Broker-Auth");
    private static final System.Logger LOG = System.getLogger(BrokerAuth.class.getName());

    private final AccessRules rules;
    private final String secretSha256;
    private final Set<String> allowedSources;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param secret         what the broker sends in {@code X-Broker-Auth}
     * @param allowedSources IP addresses the broker calls from; empty: any (the secret still needed)
     */
    public BrokerAuth(Accounts accounts, String secret, Set<String> allowedSources) {
        this.rules = new AccessRules(accounts);
        this.secretSha256 = SecretFile.sha256Hex(secret);
        this.allowedSources = Set.copyOf(allowedSources);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/broker/authn", this::authn)
                .post("/broker/authz", this::authz);
    }

    private void authn(ServerRequest req, ServerResponse res) throws IOException {
        Optional<JsonNode> body = admitted(req, res);
        if (body.isEmpty()) {
            return;
        }
        String user = body.get().path("username").asText("");
        String clientId = body.get().path("clientid").asText("");
        Optional<byte[]> password = Optional.of(body.get().path("password").asText(""))
                .filter(p -> !p.isEmpty()).map(p -> p.getBytes(StandardCharsets.UTF_8));
        String result;
        if (!rules.isOurs(user, clientId, password)) {
            result = "ignore";
        } else {
            result = rules.decide(Optional.of(user).filter(u -> !u.isEmpty()), password, clientId)
                    instanceof AccessRules.Allowed ? "allow" : "deny";
        }
        reply(res, result);
    }

    private void authz(ServerRequest req, ServerResponse res) throws IOException {
        Optional<JsonNode> body = admitted(req, res);
        if (body.isEmpty()) {
            return;
        }
        String user = body.get().path("username").asText("");
        String clientId = body.get().path("clientid").asText("");
        String topic = body.get().path("topic").asText("");
        String action = body.get().path("action").asText("");
        if (!rules.isOurs(user, clientId, Optional.empty())) {
            reply(res, "ignore");
            return;
        }
        boolean allowed = rules.grantOf(user, clientId).map(g -> switch (action) {
            case "publish" -> g.publish().stream().anyMatch(f -> TopicFilters.matches(f, topic));
            case "subscribe" -> g.subscribe().stream().anyMatch(f -> TopicFilters.covers(f, topic));
            default -> false;
        }).orElse(false);
        reply(res, allowed ? "allow" : "deny");
    }

    /** The request's JSON body when the caller may ask; otherwise answers 403 (or 400) and returns empty. */
    private Optional<JsonNode> admitted(ServerRequest req, ServerResponse res) throws IOException {
        String source = req.remotePeer().address() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "";
        Optional<String> secret = req.headers().first(SECRET_HEADER);
        if ((!allowedSources.isEmpty() && !allowedSources.contains(source))
                || secret.isEmpty() || !SecretFile.sameHex(secretSha256, SecretFile.sha256Hex(secret.get()))) {
            LOG.log(System.Logger.Level.WARNING, "broker auth call refused from {0}", source);
            res.status(Status.FORBIDDEN_403).send();
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(req.content().as(byte[].class)));
        } catch (IOException e) {
            res.status(Status.BAD_REQUEST_400).send();
            return Optional.empty();
        }
    }

    private void reply(ServerResponse res, String result) throws IOException {
        res.headers().contentType(io.helidon.common.media.type.MediaTypes.APPLICATION_JSON);
        res.send(json.writeValueAsBytes(Map.of("result", result, "is_superuser", false)));
    }
}
