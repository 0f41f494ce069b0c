package com.instore.hub.members;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.instore.hub.api.JsonReply;
import com.instore.hub.db.Database;
import com.instore.hub.identity.Identity;
import com.instore.protocol.Consents;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members over REST, every route for operators (checked by the access layer). {@code GET /api/members/{id}/export}: all data held on the member.
 * {@code DELETE /api/members/{id}}: erasure (see {@link Erasure}). {@code PUT /api/members/{id}/consents} with
 * {@code {"recognition":true,"personalised":false,"nameOnCoupons":false}}; {@code PUT /api/members/{id}/preferences} with
 * {@code {"preferences":["coffee"]}}; {@code POST /api/members/{id}/credentials} links a credential (see
 * {@link CredentialLinks}). {@code GET /api/members/search?id=|card=|phone=}: support's search ({@link MemberSearch}),
 * 404 when nothing matches; the access layer audits every read of members' data. Blocking handlers.
 */
public final class MemberService implements HttpService {
    private final Database db;
    private final Members members;
    private final MemberRecords records;
    private final Erasure erasure;
    private final CredentialLinks links;
    private final MessageCodec json;
    private final JsonReply guard;
    private final Clock clock;
    private final MemberSearch search;

    public MemberService(Database db, Members members, Identity identity, MemberRecords records, Erasure erasure,
                         MemberSearch search, MessageCodec json, JsonReply guard, Clock clock) {
        this.db = db;
        this.members = members;
        this.records = records;
        this.erasure = erasure;
        this.links = new CredentialLinks(db, identity, clock);
        this.json = json;
        this.guard = guard;
        this.clock = clock;
        this.search = search;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/members/search", this::search)
                .get("/api/members/{id}/export", this::export)
                .delete("/api/members/{id}", this::erase)
                .put("/api/members/{id}/consents", this::consents)
                .put("/api/members/{id}/preferences", this::preferences)
                .post("/api/members/{id}/credentials", this::link);
    }

    /** The preferences document. */
    record Preferences(@JsonProperty("preferences") List<String> preferences) {
    }

    private void export(ServerRequest req, ServerResponse res) throws SQLException {
        reply(res, records.export(id(req), clock.instant()));
    }

    private void search(ServerRequest req, ServerResponse res) throws SQLException {
        var query = req.query();
        List<MemberSearch.By> given = java.util.Arrays.stream(MemberSearch.By.values())
                .filter(b -> query.contains(b.name().toLowerCase(java.util.Locale.ROOT))).toList();
        if (given.size() != 1) {
            res.status(Status.BAD_REQUEST_400);
            guard.send(res, Map.of("error", "give exactly one of id=, card= (a card UID) or phone= (a phone credential id)"));
            return;
        }
        try {
            List<MemberSearch.SupportView> found = search.find(given.getFirst(),
                    query.get(given.getFirst().name().toLowerCase(java.util.Locale.ROOT)), clock.instant());
            reply(res, found.isEmpty() ? Optional.empty() : Optional.of(Map.of("members", found)));
        } catch (IllegalArgumentException e) {
            res.status(Status.BAD_REQUEST_400);
            guard.send(res, Map.of("error", e.getMessage()));
        }
    }

    private void erase(ServerRequest req, ServerResponse res) throws SQLException {
        reply(res, erasure.erase(id(req)));
    }

    private void consents(ServerRequest req, ServerResponse res) throws SQLException {
        Optional<Consents> consents = body(req, res, Consents.class);
        if (consents.isPresent()) {
            boolean found = db.inTransaction(c -> members.setConsents(c, id(req), consents.get(), clock.instant()));
            reply(res, found ? consents : Optional.empty());
        }
    }

    private void preferences(ServerRequest req, ServerResponse res) throws SQLException {
        Optional<Preferences> prefs = body(req, res, Preferences.class);
        if (prefs.isPresent()) {
            List<String> chosen = prefs.get().preferences() == null ? List.of() : prefs.get().preferences();
            boolean found = db.inTransaction(c -> {
                boolean exists = members.byId(c, id(req)).isPresent();
                if (exists) {
                    members.setPreferences(c, id(req), chosen);
                }
                return exists;
            });
            reply(res, found ? prefs : Optional.empty());
        }
    }

    private void link(ServerRequest req, ServerResponse res) throws SQLException {
        Optional<CredentialLinks.Request> request = body(req, res, CredentialLinks.Request.class);
        if (request.isEmpty()) {
            return;
        }
        CredentialLinks.Result result = links.link(id(req), request.get());
        res.status(Status.create(result.status()));
        guard.send(res, result.body());
    }

    private <T> Optional<T> body(ServerRequest req, ServerResponse res, Class<T> type) {
        try {
            return Optional.of(json.decode(req.content().as(byte[].class), type));
        } catch (InvalidMessageException e) {
            res.status(Status.BAD_REQUEST_400);
            guard.send(res, Map.of("error", e.getMessage()));
            return Optional.empty();
        }
    }

    private void reply(ServerResponse res, Optional<?> body) {
        if (body.isEmpty()) {
            res.status(Status.NOT_FOUND_404);
            guard.send(res, Map.of("error", "no such member"));
        } else {
            guard.send(res, body.get());
        }
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }
}
