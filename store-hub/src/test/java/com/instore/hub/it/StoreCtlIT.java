package com.instore.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.hub.secrets.SecretFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged storectl, run as its own process against a running hub: output, --json and exit codes. */
class StoreCtlIT {
    private static final Path JAR = Path.of("target/store-hub.jar");

    @TempDir
    static Path dir;
    static RunningHub hub;
    static Path operatorToken;
    static Path staffToken;
    static Path adminToken;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(dir);
        HubSession admin = new HubSession(hub.hub.httpPort());
        admin.login("admin", SecretFile.read(dir.resolve("admin.password")));
        operatorToken = token(admin, "ops", "operator");
        staffToken = token(admin, "floor", "staff");
        adminToken = token(admin, "root", "admin");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void help_listsTheCommands_andExits0() throws Exception {
        Run run = storectl("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("kiosks", "offers", "members", "audit", "token", "users", "Exit codes");
        assertThat(storectl("kiosks", "config", "--help").out()).contains("--set");
    }

    @Test
    void kiosksList_json_isTheHubsAnswer() throws Exception {
        Run run = storectl("kiosks", "list", "--json", "--hub", hubUrl(), "--token-file", operatorToken.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode kiosks = hub.json(run.out());
        assertThat(kiosks.findValuesAsText("kioskId")).contains("entrance", "coffee", "checkout");
    }

    @Test
    void membersExport_thenAnUnknownMember_exits4() throws Exception {
        Run found = storectl("members", "export", "m-0001", "--json", "--hub", hubUrl(), "--token-file",
                operatorToken.toString());
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(storectl("members", "export", "nobody", "--hub", hubUrl(), "--token-file", operatorToken.toString())
                .exit()).isEqualTo(4);
    }

    @Test
    void offersPause_thenResume_changesTheOfferAndIsAudited_unknownOfferExits4() throws Exception {
        Run paused = storectl("offers", "pause", "latte-2for1", "--json", "--hub", hubUrl(), "--token-file",
                operatorToken.toString());
        assertThat(paused.exit()).as(paused.err()).isZero();
        assertThat(hub.json(paused.out()).path("paused").asBoolean()).isTrue();
        assertThat(hub.getJson("/api/offers/latte-2for1").path("paused").asBoolean()).isTrue();

        Run resumed = storectl("offers", "resume", "latte-2for1", "--json", "--hub", hubUrl(), "--token-file",
                operatorToken.toString());
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(hub.getJson("/api/offers/latte-2for1").has("paused")).isFalse();
        assertThat(storectl("offers", "pause", "no-such-offer", "--hub", hubUrl(), "--token-file",
                operatorToken.toString()).exit()).isEqualTo(4);
        Run audit = storectl("audit", "--json", "--hub", hubUrl(), "--token-file", operatorToken.toString());
        assertThat(audit.out()).contains("offers/latte-2for1/pause", "offers/latte-2for1/resume");
    }

    @Test
    void membersFind_byCardUid_findsTheHolder_auditedWithoutTheUid() throws Exception {
        Run found = storectl("members", "find", "--card", "04:A2:2B:1A:5C:80:01", "--json", "--hub", hubUrl(),
                "--token-file", operatorToken.toString());
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(hub.json(found.out()).path("members").get(0).path("memberId").asText()).isEqualTo("m-0001");
        assertThat(storectl("members", "find", "--card", "04FFFFFFFFFF01", "--hub", hubUrl(), "--token-file",
                operatorToken.toString()).exit()).isEqualTo(4);
        assertThat(storectl("members", "find", "--card", "zz", "--hub", hubUrl(), "--token-file",
                operatorToken.toString()).exit()).isEqualTo(1);
        assertThat(storectl("members", "find", "--id", "m-0001", "--hub", hubUrl(), "--token-file",
                staffToken.toString()).exit()).isEqualTo(3);
        String audit = storectl("audit", "--json", "--hub", hubUrl(), "--token-file", operatorToken.toString()).out();
        assertThat(audit).contains("members/search?card").doesNotContain("04:A2").doesNotContain("04A22B");
    }

    @Test
    void users_createResetDelete_asAdmin_andRemovingTheLastAdminExits1() throws Exception {
        Run created = storectl("users", "create", "noor", "--role", "staff", "--json", "--hub", hubUrl(), "--token-file",
                adminToken.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(hub.json(created.out()).path("password").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(storectl("users", "reset-password", "noor", "--hub", hubUrl(), "--token-file", adminToken.toString())
                .out()).contains("password");
        assertThat(storectl("users", "role", "admin", "staff", "--hub", hubUrl(), "--token-file", adminToken.toString())
                .exit()).isEqualTo(1);
        assertThat(storectl("users", "delete", "noor", "--hub", hubUrl(), "--token-file", adminToken.toString()).exit())
                .isZero();
    }

    @Test
    void exitCodes_usage2_notAllowed3_unreachable5() throws Exception {
        assertThat(storectl("kiosks", "frobnicate").exit()).isEqualTo(2);
        assertThat(storectl("kiosks", "list", "--hub", hubUrl()).exit()).isEqualTo(3);
        Run staff = storectl("offers", "delete", "x", "--hub", hubUrl(), "--token-file", staffToken.toString());
        assertThat(staff.exit()).isEqualTo(3);
        assertThat(staff.err()).contains("403");
        assertThat(storectl("kiosks", "list", "--hub", "http://127.0.0.1:" + closedPort(), "--token-file",
                operatorToken.toString()).exit()).isEqualTo(5);
    }

    @Test
    void token_logsInAsAdmin_andPrintsAWorkingToken() throws Exception {
        Run run = storectl("token", "--hub", hubUrl(), "--user", "admin", "--password-file",
                dir.resolve("admin.password").toString(), "--name", "cli", "--role", "operator");
        assertThat(run.exit()).as(run.err()).isZero();
        Path token = Files.writeString(dir.resolve("cli.token"), run.out().strip());
        assertThat(storectl("audit", "--hub", hubUrl(), "--token-file", token.toString()).exit()).isZero();
    }

    private static Run storectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR + ":target/lib/*", "com.instore.hub.cli.StoreCtl"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("storectl did not finish: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private static Path token(HubSession admin, String name, String role) throws Exception {
        String token = hub.json(admin.call("POST", "/api/tokens", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")
                .body()).path("token").asText();
        return Files.writeString(dir.resolve(name + ".token"), token);
    }

    private static String hubUrl() {
        return "http://127.0.0.1:" + hub.hub.httpPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
