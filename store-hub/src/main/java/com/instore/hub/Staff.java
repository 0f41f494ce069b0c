package com.instore.hub;

import com.instore.hub.access.Access;
import com.instore.hub.access.AccessConfig;
import com.instore.hub.audit.AuditLog;
import com.instore.hub.dashboard.DashboardService;
import com.instore.hub.db.Database;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.operator.Operator;
import com.instore.hub.taps.TapPipeline;
import com.instore.protocol.MessageCodec;
import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRouting;

import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The staff and operator features of issue 6, wired in one place: access (users, roles, sessions, API tokens, the one
 * access check in front of every route), the audit log, the staff dashboard and the operator console. {@link StoreHub} builds it once.
 */
final class Staff {
    private final Access access;
    private final DashboardService dashboard;
    private final Operator operator;

    Staff(HubConfig config, Database db, Fleet fleet, TapPipeline taps, MessageCodec codec, Clock clock)
            throws SQLException {
        Config hub = config.features();
        AuditLog audit = new AuditLog(db, clock);
        operator = new Operator(fleet.storeName(), audit, codec);
        access = Access.open(AccessConfig.from(hub.get("access"), config.dataDir(), config.publicUrl()), db, clock,
                fleet.storeName(), List.of(config.dataDir().resolve("api.secret"),
                        config.dataDir().resolve("operator.token")), audit);
        dashboard = new DashboardService(fleet, taps, db, codec, ZoneId.systemDefault(),
                hub.get("dashboard.latency-budget-ms").asDouble().orElse(100.0),
                java.time.Duration.parse(hub.get("dashboard.heartbeat").asString().orElse("PT15S")), clock);
    }

    /** The access check in front of every route, and the staff routes. */
    void routes(HttpRouting.Builder routing) {
        access.register(routing);
        routing.register(dashboard);
        operator.routes(routing);
    }
}
