package com.instore.hub.operator;

import com.instore.hub.api.Html;
import com.instore.hub.audit.AuditLog;
import com.instore.protocol.MessageCodec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.SQLException;

/**
 * The operator console ({@code GET /operator}, operator role, checked by the access layer): one page whose script
 * ({@code /assets/console.js}) drives the REST API for kiosks, enrolment codes with QR, desired configuration, commands,
 * retirement, offers, members' export and erasure, and shows the audit log ({@code GET /api/audit}); and the
 * OpenAPI document of the whole REST API ({@code GET /openapi.yaml}).
 */
final class ConsoleService implements HttpService {
    private final String storeName;
    private final AuditLog audit;
    private final MessageCodec json;

    ConsoleService(String storeName, AuditLog audit, MessageCodec json) {
        this.storeName = storeName;
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/operator", this::page)
                .get("/api/audit", this::audit)
                .get("/openapi.yaml", this::openapi);
    }

    private void page(ServerRequest req, ServerResponse res) {
        res.headers().contentType(MediaTypes.TEXT_HTML);
        res.send(ConsolePage.render(Html.text(storeName)));
    }

    private void openapi(ServerRequest req, ServerResponse res) throws java.io.IOException {
        try (java.io.InputStream in = ConsoleService.class.getResourceAsStream("/openapi.yaml")) {
            res.headers().contentType(io.helidon.common.media.type.MediaTypes.create("application/yaml"));
            res.send(in.readAllBytes());
        }
    }

    private void audit(ServerRequest req, ServerResponse res) throws SQLException {
        int limit = req.query().first("limit").map(Integer::parseInt).orElse(100);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json.encode(audit.recent(Math.min(1000, Math.max(1, limit)))));
    }
}
