package com.instore.hub.provisioning;

import com.instore.hub.qr.QrSvg;
import com.instore.protocol.Command;
import com.instore.protocol.CommandResult;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's REST routes (operator role, checked by the access layer) and the kiosks' enrolment route (the code is the credential; rate
 * limited). Handlers block on the database or on a command's result (Helidon runs them on virtual threads). Codes and
 * secrets are never logged.
 */
final class ProvisioningService implements HttpService {
    private final Lifecycle lifecycle;
    private final DesiredConfigs configs;
    private final Commands commands;
    private final Reconciler reconciler;
    private final KioskRecords records;
    private final EnrolLimiter limiter;
    private final Replies replies;
    private final Duration commandTimeout;
    private final String enrolHubUrl;
    private final String caSha256;

    ProvisioningService(Lifecycle lifecycle, DesiredConfigs configs, Commands commands, Reconciler reconciler,
                        KioskRecords records, EnrolLimiter limiter, Replies replies,
                        Duration commandTimeout, String enrolHubUrl, String caPem) {
        this.lifecycle = lifecycle;
        this.configs = configs;
        this.commands = commands;
        this.reconciler = reconciler;
        this.records = records;
        this.limiter = limiter;
        this.replies = replies;
        this.commandTimeout = commandTimeout;
        this.enrolHubUrl = enrolHubUrl;
        this.caSha256 = caPem == null ? null : CaFingerprint.ofPem(caPem);
    }

    /** Request bodies. */
    record CreateKiosk(String storeId, String kioskId, String zone, String hardwareProfile) {
    }

    record EnrolRequest(String code) {
    }

    record CommandRequest(Command.Type type, Long timeoutMs) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/enrol", this::enrol)
                .post("/api/kiosks", op(this::create))
                .post("/api/kiosks/{id}/enrolment-code", op((req, res) -> sendCode(res, lifecycle.newCode(id(req)))))
                .get("/api/kiosks/{id}/enrolment-code.svg", op(this::qr))
                .get("/api/kiosks/{id}/config", op(this::config))
                .put("/api/kiosks/{id}/config", op(this::putConfig))
                .post("/api/kiosks/{id}/commands", op(this::command))
                .delete("/api/kiosks/{id}", op(this::retire))
                .get("/api/store/reconcile", op((req, res) -> replies.send(res, Status.OK_200, reconciler.last())))
                .post("/api/store/reconcile", op((req, res) -> replies.send(res, Status.OK_200, reconciler.reconcile())))
                .post("/api/store/prune", op(this::prune));
    }

    /**
     * An operator route (the role is checked by the access layer before this runs): bad input and conflicts become 400
     * and 409 with the reason.
     */
    private Handler op(Handler handler) {
        return (req, res) -> {
            try {
                handler.handle(req, res);
            } catch (Replies.BadRequest | IllegalArgumentException e) {
                replies.error(res, Status.BAD_REQUEST_400, e.getMessage());
            } catch (Lifecycle.Conflict e) {
                replies.error(res, Status.CONFLICT_409, e.getMessage());
            }
        };
    }

    private void create(ServerRequest req, ServerResponse res) throws Exception {
        CreateKiosk body = replies.body(req, CreateKiosk.class);
        if (body.storeId() != null && !body.storeId().equals(records.storeId())) {
            throw new IllegalArgumentException("this hub serves store '" + records.storeId() + "', not '" + body.storeId() + "'");
        }
        String zone = body.zone() == null || body.zone().isBlank() ? body.kioskId() : body.zone().strip();
        String profile = body.hardwareProfile() == null ? Profiles.DEFAULT : body.hardwareProfile().strip();
        res.status(Status.CREATED_201);
        sendCode(res, lifecycle.create(body.kioskId(), zone, profile), body.kioskId());
    }

    private void sendCode(ServerResponse res, EnrolmentCodes.Issued issued) {
        sendCode(res, issued, null);
    }

    private void sendCode(ServerResponse res, EnrolmentCodes.Issued issued, String kioskId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", issued.code());
        body.put("expires", issued.expires().toString());
        if (kioskId != null) {
            body.put("kioskId", kioskId);
            body.put("qr", "/api/kiosks/" + kioskId + "/enrolment-code.svg");
        }
        body.put("enrol", "edge-agent enroll --hub " + enrolHubUrl + " --code " + issued.code()
                + (caSha256 == null ? "" : " --ca-sha256 " + caSha256)
                + (enrolHubUrl.startsWith("http://") ? " --insecure-http" : ""));
        replies.send(res, res.status() == Status.CREATED_201 ? Status.CREATED_201 : Status.OK_200, body);
    }

    private void qr(ServerRequest req, ServerResponse res) {
        Optional<EnrolmentCodes.Issued> shown = lifecycle.shownCode(id(req));
        if (shown.isEmpty()) {
            replies.error(res, Status.NOT_FOUND_404, "no valid code to show: POST /api/kiosks/{id}/enrolment-code");
            return;
        }
        res.headers().contentType(MediaTypes.create("image/svg+xml"));
        res.send(QrSvg.render(EnrolmentLink.of(enrolHubUrl, shown.get().code(), caSha256)));
    }

    private void enrol(ServerRequest req, ServerResponse res) throws Exception {
        if (!limiter.tryAcquire(req.remotePeer().host())) {
            replies.error(res, Status.TOO_MANY_REQUESTS_429, "too many enrolment attempts: wait a minute");
            return;
        }
        try {
            EnrolRequest body = replies.body(req, EnrolRequest.class);
            replies.send(res, Status.OK_200, lifecycle.enrol(body.code()));
        } catch (Replies.BadRequest e) {
            replies.error(res, Status.BAD_REQUEST_400, e.getMessage());
        } catch (Lifecycle.Conflict e) {
            replies.error(res, Status.FORBIDDEN_403, e.getMessage());
        }
    }

    private void config(ServerRequest req, ServerResponse res) throws Exception {
        String id = id(req);
        KioskRecord record = records.find(id).orElseThrow(() -> new Lifecycle.Conflict("no kiosk '" + id + "'"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kioskId", id);
        body.put("state", record.state());
        body.put("desired", configs.desired(id).orElse(null));
        body.put("reported", configs.reported(record).orElse(null));
        body.put("sync", configs.sync(id).orElse(null));
        replies.send(res, Status.OK_200, body);
    }

    @SuppressWarnings("unchecked")
    private void putConfig(ServerRequest req, ServerResponse res) throws Exception {
        String id = id(req);
        KioskRecord record = records.find(id).filter(r -> r.state() != KioskRecord.State.RETIRED)
                .orElseThrow(() -> new Lifecycle.Conflict("no active kiosk '" + id + "'"));
        Map<String, Object> changes = replies.body(req, Map.class);
        Settings current = configs.desired(id).map(Settings::of).orElseThrow();
        replies.send(res, Status.OK_200, configs.set(record.kioskId(), current.with(changes)));
    }

    private void command(ServerRequest req, ServerResponse res) throws Exception {
        String id = id(req);
        records.find(id).filter(r -> r.state() == KioskRecord.State.ACTIVE)
                .orElseThrow(() -> new Lifecycle.Conflict("no active kiosk '" + id + "'"));
        CommandRequest body = replies.body(req, CommandRequest.class);
        if (body.type() == null) {
            throw new IllegalArgumentException("'type' is required: " + java.util.Arrays.toString(Command.Type.values()));
        }
        Duration timeout = body.timeoutMs() == null ? commandTimeout : Duration.ofMillis(body.timeoutMs());
        Optional<CommandResult> result = commands.send(id, body.type(), timeout);
        if (result.isEmpty()) {
            replies.error(res, Status.GATEWAY_TIMEOUT_504, "no result from kiosk '" + id + "' within "
                    + timeout.toMillis() + " ms (offline or busy)");
        } else {
            replies.send(res, Status.OK_200, result.get());
        }
    }

    private void retire(ServerRequest req, ServerResponse res) throws Exception {
        lifecycle.retire(id(req));
        replies.send(res, Status.OK_200, Map.of("kioskId", id(req), "state", "RETIRED", "at", Instant.now().toString()));
    }

    private void prune(ServerRequest req, ServerResponse res) throws Exception {
        boolean all = req.query().first("include-operator").map(Boolean::parseBoolean).orElse(false);
        replies.send(res, Status.OK_200, Map.of("removed", reconciler.prune(all), "report", reconciler.last()));
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }
}
