package com.instore.hub.operator;

import com.instore.hub.audit.AuditLog;
import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.MessageCodec;
import io.helidon.webserver.http.HttpRouting;

import java.nio.file.Path;
import java.util.function.IntSupplier;

/** The operator console and the role-checked REST entry ({@code /operator/api/**}) for console and storectl. */
public final class Operator {
    private final ConsoleService console;
    private final ApiForwarder forwarder;

    /**
     * @param port           the hub's own HTTP port (known once the server listens)
     * @param operatorToken  the provisioning routes' token file
     * @param apiToken       the members, offers and coupons routes' token file
     */
    public Operator(String storeName, AuditLog audit, MessageCodec json, IntSupplier port, Path operatorToken,
                    Path apiToken) {
        this.console = new ConsoleService(storeName, audit, json);
        this.forwarder = new ApiForwarder(port, SecretFile.readOrCreate(operatorToken), SecretFile.readOrCreate(apiToken));
    }

    public void routes(HttpRouting.Builder routing) {
        routing.register(console).register(forwarder);
    }
}
