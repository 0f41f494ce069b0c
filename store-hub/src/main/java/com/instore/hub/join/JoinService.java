package com.instore.hub.join;

import com.instore.hub.api.JsonReply;
import com.instore.hub.db.Database;
import com.instore.hub.identity.Identity;
import com.instore.hub.members.Erasure;
import com.instore.hub.members.Member;
import com.instore.hub.members.MemberRecords;
import com.instore.hub.members.Members;
import com.instore.hub.qr.QrSvg;
import com.instore.protocol.Consents;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The shopper's own pages, reached by the QR code on a kiosk screen. {@code /join/{token}}: an unknown card's join form
 * (first name, consents, preferences; the card is linked, the next tap greets them) or a member's choices (consents,
 * preferences, download of their data, erasure). {@code /join/{token}/qr.svg}: the link as a QR code for the kiosk screen.
 * Links expire after {@link JoinInvites#TTL}; a join link works once. Blocking handlers.
 */
public final class JoinService implements HttpService {
    private static final HttpMediaType SVG = HttpMediaType.create("image/svg+xml");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '.-]{0,39}");

    private final Database db;
    private final JoinInvites invites;
    private final Members members;
    private final Identity identity;
    private final MemberRecords records;
    private final Erasure erasure;
    private final Supplier<List<String>> categories;
    private final String storeName;
    private final String publicUrl;
    private final JsonReply json;
    private final Clock clock;

    public JoinService(Database db, JoinInvites invites, Members members, Identity identity, MemberRecords records,
                       Erasure erasure, Supplier<List<String>> categories, String storeName, String publicUrl,
                       JsonReply json, Clock clock) {
        this.db = db;
        this.invites = invites;
        this.members = members;
        this.identity = identity;
        this.records = records;
        this.erasure = erasure;
        this.categories = categories;
        this.storeName = storeName;
        this.publicUrl = publicUrl;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/join", (req, res) -> html(res, Status.OK_200, JoinPage.message("Join us",
                        "Tap your card or phone at a kiosk in the store: the screen shows a code to join.")))
                .get("/join/{token}/qr.svg", this::qr)
                .get("/join/{token}/export", this::export)
                .post("/join/{token}/erase", this::erase)
                .get("/join/{token}", this::show)
                .post("/join/{token}", this::submit);
    }

    private void show(ServerRequest req, ServerResponse res) throws SQLException {
        String token = token(req);
        Optional<JoinInvites.Invite> invite = usable(token);
        if (invite.isEmpty()) {
            expired(res);
        } else if (invite.get().memberId() == null) {
            html(res, Status.OK_200, JoinPage.join(storeName, categories.get(), ""));
        } else {
            manage(res, token, invite.get().memberId(), "");
        }
    }

    private void submit(ServerRequest req, ServerResponse res) throws SQLException {
        String token = token(req);
        Optional<JoinInvites.Invite> invite = usable(token);
        if (invite.isEmpty()) {
            expired(res);
            return;
        }
        Parameters form = req.content().as(Parameters.class);
        Consents consents = new Consents(form.contains("recognition"), form.contains("personalised"),
                form.contains("nameOnCoupons"));
        List<String> prefs = form.all("pref").stream().filter(categories.get()::contains).toList();
        if (invite.get().memberId() != null) {
            db.inTransaction(c -> {
                members.setConsents(c, invite.get().memberId(), consents, clock.instant());
                members.setPreferences(c, invite.get().memberId(), prefs);
                return null;
            });
            manage(res, token, invite.get().memberId(), "Saved. Your choices apply from your next tap.");
        } else {
            join(res, token, invite.get(), form.first("firstName").orElse("").strip(), consents, prefs);
        }
    }

    private void join(ServerResponse res, String token, JoinInvites.Invite invite, String name, Consents consents,
                      List<String> prefs) throws SQLException {
        if (!NAME.matcher(name).matches()) {
            html(res, Status.BAD_REQUEST_400, JoinPage.join(storeName, categories.get(),
                    "Please give a first name (letters, up to 40)."));
            return;
        }
        Instant now = clock.instant();
        try {
            Member member = db.inTransaction(c -> {
                Member m = members.create(c, name, consents, prefs, now);
                identity.link(c, m.memberId(), invite.key(), invite.counter(), now);
                invites.used(c, token, m.memberId(), now);
                return m;
            });
            String hello = consents.recognition() ? "Welcome, " + member.firstName() + "!" : "Welcome!";
            html(res, Status.OK_200, JoinPage.message(hello, "You are a member. Tap your card again at any kiosk: "
                    + "your points and offers are waiting."));
        } catch (IllegalStateException taken) {
            html(res, Status.CONFLICT_409, JoinPage.message("Already a member",
                    "This card already belongs to a membership. Tap it at a kiosk to see it."));
        }
    }

    private void manage(ServerResponse res, String token, String memberId, String note) throws SQLException {
        Optional<Member> member = members.byId(memberId);
        if (member.isEmpty()) {
            expired(res);
            return;
        }
        List<String> chosen = db.withConnection(c -> members.preferences(c, memberId));
        html(res, Status.OK_200, JoinPage.manage(token, storeName, member.get().consents(), categories.get(), chosen,
                note));
    }

    private void export(ServerRequest req, ServerResponse res) throws SQLException {
        Optional<JoinInvites.Invite> invite = usable(token(req));
        Optional<MemberRecords.Export> export = invite.isEmpty() || invite.get().memberId() == null ? Optional.empty()
                : records.export(invite.get().memberId(), clock.instant());
        if (export.isEmpty()) {
            expired(res);
        } else {
            json.send(res, export.get());
        }
    }

    private void erase(ServerRequest req, ServerResponse res) throws SQLException {
        Optional<JoinInvites.Invite> invite = usable(token(req));
        if (invite.isEmpty() || invite.get().memberId() == null
                || !req.content().as(Parameters.class).contains("confirm")) {
            expired(res);
            return;
        }
        erasure.erase(invite.get().memberId());
        html(res, Status.OK_200, JoinPage.message("Erased", "Your membership and the data held on you are erased."));
    }

    private void qr(ServerRequest req, ServerResponse res) {
        if (!TOKEN.matcher(token(req)).matches()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        res.headers().contentType(SVG);
        res.send(QrSvg.render(publicUrl + "/join/" + token(req)));
    }

    private Optional<JoinInvites.Invite> usable(String token) throws SQLException {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.withConnection(c -> invites.find(c, token)).filter(i -> i.usable(now));
    }

    private void expired(ServerResponse res) {
        html(res, Status.NOT_FOUND_404, JoinPage.message("This link has expired",
                "Tap your card or phone at a kiosk again to get a new one."));
    }

    private static void html(ServerResponse res, Status status, String page) {
        res.status(status);
        res.headers().contentType(MediaTypes.TEXT_HTML);
        res.send(page);
    }

    private static String token(ServerRequest req) {
        return req.path().pathParameters().get("token");
    }
}
