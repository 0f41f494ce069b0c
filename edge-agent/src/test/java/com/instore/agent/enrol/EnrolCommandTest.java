package com.instore.agent.enrol;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code edge-agent enroll} refuses a plain http:// hub unless told --insecure-http, before any byte leaves the kiosk. */
class EnrolCommandTest {
    @TempDir
    Path dir;
    private HttpServer hub;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startPlainHttpHub() throws Exception {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/api/enrol", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"error\":\"unknown enrolment code\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop(0);
    }

    @Test
    void enroll_plainHttpHub_isRefusedWithoutContactingIt() {
        Run run = enroll("--hub", hubUrl(), "--code", "ABCDE-FGHJK", "--state-dir", dir.toString());

        assertThat(run.exit).isEqualTo(3);
        assertThat(run.err).contains("refusing to enrol over plain http://").contains("--insecure-http");
        assertThat(requests).hasValue(0);
        assertThat(new KioskState(dir).enrolled()).isFalse();
    }

    @Test
    void enroll_plainHttpHubWithInsecureHttpFlag_talksToTheHub() {
        Run run = enroll("--hub", hubUrl(), "--code", "ABCDE-FGHJK", "--state-dir", dir.toString(), "--insecure-http");

        assertThat(run.exit).isEqualTo(3);
        assertThat(run.err).contains("the hub refused the enrolment code: unknown enrolment code");
        assertThat(requests).hasValue(1);
    }

    @Test
    void enroll_otherScheme_isRefused() {
        Run run = enroll("--hub", "ftp://127.0.0.1:1", "--code", "ABCDE-FGHJK", "--state-dir", dir.toString(),
                "--insecure-http");

        assertThat(run.exit).isEqualTo(3);
        assertThat(run.err).contains("must start with https://");
    }

    @Test
    void firstBoot_plainHttpHubInConfig_refusesToStartUnlessInsecureHttpIsSet() {
        io.helidon.config.Config agent = io.helidon.config.Config.just(io.helidon.config.ConfigSources.create(
                java.util.Map.of("data-dir", dir.toString(), "enrol.hub", hubUrl(), "enrol.code", "ABCDE-FGHJK")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FirstBoot.prepare(agent))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to enrol over plain http://");
        assertThat(requests).hasValue(0);

        io.helidon.config.Config lab = io.helidon.config.Config.just(io.helidon.config.ConfigSources.create(
                java.util.Map.of("data-dir", dir.toString(), "enrol.hub", hubUrl(), "enrol.code", "ABCDE-FGHJK",
                        "enrol.insecure-http", "true")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FirstBoot.prepare(lab))
                .hasMessageContaining("unknown enrolment code");
        assertThat(requests).hasValue(1);
    }

    private String hubUrl() {
        return "http://127.0.0.1:" + hub.getAddress().getPort();
    }

    private record Run(int exit, String err) {
    }

    private static Run enroll(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new EnrolCommand()).execute(args);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
