package com.instore.hub.offers;

import com.instore.hub.api.JsonReply;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MessageCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offer catalogue over REST, written through to config/offers.yaml. {@code GET /api/offers}: every offer (and why the
 * file on disk was refused, if it was). {@code GET /api/offers/{id}}. {@code POST /api/offers}: adds one (201; 409 when the
 * id exists). {@code PUT /api/offers/{id}}: replaces one. {@code DELETE /api/offers/{id}} (204). Invalid offers get 400
 * with every problem. {@code POST /api/offers/{id}/pause} and {@code /resume}: a paused offer is never picked for a
 * shopper until resumed (200 with the offer). Changes need the operator role (checked by the access layer). Blocking handlers (virtual threads).
 */
public final class OfferService implements HttpService {
    private final Offers offers;
    private final MessageCodec json;
    private final JsonReply guard;

    public OfferService(Offers offers, MessageCodec json, JsonReply guard) {
        this.offers = offers;
        this.json = json;
        this.guard = guard;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/offers", this::list)
                .get("/api/offers/{id}", this::one)
                .post("/api/offers", this::create)
                .put("/api/offers/{id}", this::replace)
                .delete("/api/offers/{id}", this::delete)
                .post("/api/offers/{id}/pause", (req, res) -> pause(req, res, true))
                .post("/api/offers/{id}/resume", (req, res) -> pause(req, res, false));
    }

    /** The catalogue, and the problems of the file on disk when it was refused. */
    record Listing(List<OfferSpec> offers, String fileError) {
    }

    private void list(ServerRequest req, ServerResponse res) {
        guard.send(res, new Listing(offers.catalogue().offers(), offers.catalogue().lastError()));
    }

    private void one(ServerRequest req, ServerResponse res) {
        Optional<OfferSpec> offer = offers.find(req.path().pathParameters().get("id"));
        if (offer.isEmpty()) {
            error(res, Status.NOT_FOUND_404, List.of("no offer " + req.path().pathParameters().get("id")));
        } else {
            guard.send(res, offer.get());
        }
    }

    private void create(ServerRequest req, ServerResponse res) throws IOException {
        Optional<OfferSpec> offer = body(req, res);
        if (offer.isEmpty()) {
            return;
        }
        if (offers.find(offer.get().id()).isPresent()) {
            error(res, Status.CONFLICT_409, List.of("offer '" + offer.get().id() + "' exists: PUT /api/offers/{id} changes it"));
            return;
        }
        apply(res, null, offer.get(), Status.CREATED_201);
    }

    private void replace(ServerRequest req, ServerResponse res) throws IOException {
        String id = req.path().pathParameters().get("id");
        Optional<OfferSpec> offer = body(req, res);
        if (offer.isEmpty()) {
            return;
        }
        if (offers.find(id).isEmpty()) {
            error(res, Status.NOT_FOUND_404, List.of("no offer " + id + ": POST /api/offers creates one"));
        } else if (!id.equals(offer.get().id())) {
            error(res, Status.BAD_REQUEST_400, List.of("the body's id '" + offer.get().id() + "' is not " + id));
        } else {
            apply(res, id, offer.get(), Status.OK_200);
        }
    }

    private void delete(ServerRequest req, ServerResponse res) throws IOException {
        String id = req.path().pathParameters().get("id");
        if (offers.find(id).isEmpty()) {
            error(res, Status.NOT_FOUND_404, List.of("no offer " + id));
            return;
        }
        offers.catalogue().change(id, null);
        res.status(Status.NO_CONTENT_204).send();
    }

    private void pause(ServerRequest req, ServerResponse res, boolean paused) throws IOException {
        String id = req.path().pathParameters().get("id");
        Optional<OfferSpec> offer = offers.pause(id, paused);
        if (offer.isEmpty()) {
            error(res, Status.NOT_FOUND_404, List.of("no offer " + id));
        } else {
            guard.send(res, offer.get());
        }
    }

    private void apply(ServerResponse res, String replaces, OfferSpec offer, Status success) throws IOException {
        List<String> problems = offers.catalogue().change(replaces, offer);
        if (!problems.isEmpty()) {
            error(res, Status.BAD_REQUEST_400, problems);
            return;
        }
        res.status(success);
        guard.send(res, offer);
    }

    private Optional<OfferSpec> body(ServerRequest req, ServerResponse res) {
        try {
            return Optional.of(json.decode(req.content().as(byte[].class), OfferSpec.class));
        } catch (InvalidMessageException e) {
            error(res, Status.BAD_REQUEST_400, List.of(e.getMessage()));
            return Optional.empty();
        }
    }

    private void error(ServerResponse res, Status status, List<String> problems) {
        res.status(status);
        guard.send(res, Map.of("errors", problems));
    }
}
