package com.instore.hub.it;

import com.instore.hub.secrets.SecretFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, roles, sessions, CSRF, lockout and API tokens in front of every route of a running hub. */
class AccessIT {
    /** Every route that needs at least the operator role, as "METHOD path". */
    private static final List<String> OPERATOR_ROUTES = List.of(
            "POST /api/kiosks", "DELETE /api/kiosks/coffee", "PUT /api/kiosks/coffee/config",
            "POST /api/kiosks/coffee/commands", "POST /api/kiosks/coffee/enrolment-code", "POST /api/store/prune",
            "POST /api/offers", "PUT /api/offers/x", "DELETE /api/offers/x",
            "GET /api/members/m-0001/export", "DELETE /api/members/m-0001", "PUT /api/members/m-0001/consents",
            "PUT /api/members/m-0001/preferences", "POST /api/members/m-0001/credentials",
            "GET /api/members?q=m-0001", "GET /api/members/search?card=04A22B1A5C8001", "POST /api/offers/x/pause",
            "POST /api/offers/x/resume", "GET /api/coupons/AAAA", "POST /api/coupons/AAAA/redeem",
            "GET /api/audit", "GET /operator", "GET /operator/kiosks");

    @TempDir
    static Path dataDir;
    static RunningHub hub;
    static String adminPassword;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(dataDir);
        adminPassword = SecretFile.read(dataDir.resolve("admin.password"));
        HubSession admin = new HubSession(hub.hub.httpPort());
        admin.login("admin", adminPassword);
        assertThat(admin.call("POST", "/api/users",
                "{\"username\":\"sam\",\"role\":\"staff\",\"password\":\"sam-password-123\"}").statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void firstStart_createsAdminWithARandomPassword_inAnOwnerOnlyFile() throws Exception {
        assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin.password"))))
                .isEqualTo("rw-------");
        assertThat(new HubSession(hub.hub.httpPort()).login("admin", adminPassword).statusCode()).isEqualTo(303);
    }

    @Test
    void login_setsAnHttpOnlySameSiteSessionCookie() throws Exception {
        HttpResponse<String> res = new HubSession(hub.hub.httpPort()).login("sam", "sam-password-123");
        assertThat(res.headers().allValues("set-cookie")).anySatisfy(c -> assertThat(c).startsWith("hub_session=")
                .contains("HttpOnly").contains("SameSite=Strict"));
    }

    @Test
    void staff_gets403_onEveryOperatorRoute_andReadsTheDashboard() throws Exception {
        HubSession staff = new HubSession(hub.hub.httpPort());
        staff.login("sam", "sam-password-123");
        assertThat(staff.get("/api/kiosks").statusCode()).isEqualTo(200);
        assertThat(staff.get("/api/dashboard").statusCode()).isEqualTo(200);
        for (String route : OPERATOR_ROUTES) {
            String[] parts = route.split(" ");
            assertThat(staff.call(parts[0], parts[1], "{}").statusCode()).as(route).isEqualTo(403);
        }
        assertThat(staff.call("POST", "/api/users", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void anonymous_gets401OrTheLoginPage_exceptOnPublicRoutes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(anonymous(http, "GET", "/api/kiosks", "*/*").statusCode()).isEqualTo(401);
        HttpResponse<String> page = anonymous(http, "GET", "/", "text/html");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("location")).hasValue("/login?next=%2F");
        assertThat(anonymous(http, "GET", "/health", "*/*").statusCode()).isEqualTo(200);
        assertThat(anonymous(http, "GET", "/metrics", "*/*").statusCode()).isEqualTo(200);
        assertThat(anonymous(http, "GET", "/join", "text/html").statusCode()).isEqualTo(200);
        assertThat(anonymous(http, "POST", "/api/enrol", "*/*").statusCode()).isNotIn(401, 403);
    }

    @Test
    void sessionChange_withoutTheCsrfHeader_isRefused() throws Exception {
        HubSession admin = new HubSession(hub.hub.httpPort());
        admin.login("admin", adminPassword);
        HttpResponse<String> res = admin.send("POST", "/api/tokens", "{\"name\":\"x\",\"role\":\"staff\"}",
                "application/json");
        assertThat(res.statusCode()).isEqualTo(201);
        HubSession noCsrf = new HubSession(hub.hub.httpPort());
        noCsrf.login("admin", adminPassword);
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hub.hub.httpPort() + "/api/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void apiToken_actsWithItsRole() throws Exception {
        HubSession admin = new HubSession(hub.hub.httpPort());
        admin.login("admin", adminPassword);
        String token = hub.json(admin.call("POST", "/api/tokens", "{\"name\":\"script\",\"role\":\"staff\"}").body())
                .path("token").asText();
        HttpClient http = HttpClient.newHttpClient();
        assertThat(bearer(http, token, "GET", "/api/kiosks").statusCode()).isEqualTo(200);
        assertThat(bearer(http, token, "POST", "/api/kiosks").statusCode()).isEqualTo(403);
        assertThat(bearer(http, "wrong", "GET", "/api/kiosks").statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailures_lockTheAccount_evenForTheRightPassword() throws Exception {
        HubSession admin = new HubSession(hub.hub.httpPort());
        admin.login("admin", adminPassword);
        admin.call("POST", "/api/users", "{\"username\":\"lee\",\"role\":\"operator\",\"password\":\"lee-password-123\"}");
        HubSession attacker = new HubSession(hub.hub.httpPort());
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.login("lee", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = attacker.login("lee", "lee-password-123");
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("locked");
    }

    @Test
    void admin_managesUsers_roleResetDisableUnlock_andNeverRemovesTheLastAdmin() throws Exception {
        HubSession admin = new HubSession(hub.hub.httpPort());
        admin.login("admin", adminPassword);
        HttpResponse<String> created = admin.call("POST", "/api/users", "{\"username\":\"kim\",\"role\":\"staff\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String first = hub.json(created.body()).path("password").asText();
        HubSession kim = new HubSession(hub.hub.httpPort());
        assertThat(kim.login("kim", first).statusCode()).isEqualTo(303);
        assertThat(kim.call("POST", "/api/kiosks/coffee/commands", "{}").statusCode()).isEqualTo(403);

        assertThat(admin.call("PUT", "/api/users/kim/role", "{\"role\":\"operator\"}").statusCode()).isEqualTo(200);
        assertThat(hub.json(kim.get("/api/me").body()).path("role").asText()).isEqualTo("OPERATOR");
        assertThat(admin.call("POST", "/api/users/kim/disable", null).statusCode()).isEqualTo(200);
        assertThat(kim.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(new HubSession(hub.hub.httpPort()).login("kim", first).statusCode()).isEqualTo(401);
        assertThat(admin.call("POST", "/api/users/kim/enable", null).statusCode()).isEqualTo(200);
        String reset = hub.json(admin.call("POST", "/api/users/kim/password", null).body()).path("password").asText();
        assertThat(reset).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
        for (int i = 0; i < 5; i++) {
            new HubSession(hub.hub.httpPort()).login("kim", "guess-" + i);
        }
        assertThat(new HubSession(hub.hub.httpPort()).login("kim", reset).statusCode()).isEqualTo(401);
        assertThat(admin.call("POST", "/api/users/kim/unlock", null).statusCode()).isEqualTo(200);
        assertThat(kim.login("kim", reset).statusCode()).isEqualTo(303);
        for (String route : List.of("GET /api/users", "POST /api/users/sam/password", "PUT /api/users/sam/role",
                "POST /api/users/sam/disable", "POST /api/users/sam/unlock", "DELETE /api/users/sam")) {
            String[] parts = route.split(" ");
            assertThat(kim.call(parts[0], parts[1], "{\"role\":\"admin\"}").statusCode()).as("operator " + route)
                    .isEqualTo(403);
        }

        assertThat(admin.call("PUT", "/api/users/admin/role", "{\"role\":\"staff\"}").statusCode()).isEqualTo(409);
        assertThat(admin.call("POST", "/api/users/admin/disable", null).statusCode()).isEqualTo(409);
        assertThat(admin.call("DELETE", "/api/users/admin", null).statusCode()).isEqualTo(409);
        assertThat(admin.call("DELETE", "/api/users/kim", null).statusCode()).isEqualTo(200);
        assertThat(admin.call("DELETE", "/api/users/kim", null).statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/audit?limit=50").body()).contains("/api/users/kim/disable", "/api/users/kim/password");
    }

    @Test
    void oneAccessLayer_sessionsAndTokenFilesReachEveryRestRoute_auditedUnderTheCallersName() throws Exception {
        HubSession admin = new HubSession(hub.hub.httpPort());
        admin.login("admin", adminPassword);
        assertThat(admin.get("/api/members/m-0001/export").statusCode()).isEqualTo(200);
        assertThat(admin.call("POST", "/api/offers/latte-2for1/pause", null).statusCode()).isEqualTo(200);
        assertThat(admin.call("POST", "/api/offers/latte-2for1/resume", null).statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/kiosks/coffee/config").statusCode()).isEqualTo(200);
        assertThat(admin.get("/operator/api/kiosks").statusCode()).as("the old forwarder is gone").isEqualTo(404);
        assertThat(hub.get("/api/coupons/AAAA").statusCode()).as("api.secret acts as an operator").isEqualTo(404);

        String audit = admin.get("/api/audit?limit=50").body();
        assertThat(audit).contains("\"actor\":\"admin\",\"action\":\"POST\",\"target\":\"/api/offers/latte-2for1/pause\"",
                "\"actor\":\"admin\",\"action\":\"GET\",\"target\":\"/api/members/m-0001/export\"");
    }

    private HttpResponse<String> anonymous(HttpClient http, String method, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.hub.httpPort() + path))
                .header("Accept", accept).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> bearer(HttpClient http, String token, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.hub.httpPort() + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
