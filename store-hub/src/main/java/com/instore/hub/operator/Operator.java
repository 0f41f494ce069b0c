package com.instore.hub.operator;

import com.instore.hub.audit.AuditLog;
import com.instore.protocol.MessageCodec;
import io.helidon.webserver.http.HttpRouting;

/**
 * The operator console ({@code /operator}), the audit log route and the OpenAPI document. The console's script calls the
 * REST API ({@code /api/...}) directly with the session: the access layer checks each route's role and audits it.
 */
public final class Operator {
    private final ConsoleService console;

    public Operator(String storeName, AuditLog audit, MessageCodec json) {
        this.console = new ConsoleService(storeName, audit, json);
    }

    public void routes(HttpRouting.Builder routing) {
        routing.register(console);
    }
}
