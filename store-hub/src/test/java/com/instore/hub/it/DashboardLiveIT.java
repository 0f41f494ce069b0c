package com.instore.hub.it;

import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.Credential;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over a long day, in headless Chromium: the hub stops and starts again on the same ports and data
 * directory and the open page comes back live by itself (same document, no reload), the SSE stream carries heartbeat
 * comments, and thousands of feed entries and alerts (rendered 500 times) keep the page's DOM the same size.
 */
class DashboardLiveIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final MessageCodec CODEC = new MessageCodec();
    /** A heartbeat every second here (15 s by default) so the test sees one quickly. */
    private static final Config FEATURES = Config.just(ConfigSources.create(Map.of("dashboard.heartbeat", "PT1S")));

    @TempDir
    static Path dir;
    static RunningHub hub;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(dir, FEATURES, 0, 0);
        browser = HeadlessChromium.start(dir);
        browser.get("http://127.0.0.1:" + hub.hub.httpPort() + "/");
        waitFor().until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(SecretFile.read(dir.resolve("admin.password")));
        browser.findElement(By.id("login")).click();
        waitFor().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "live"));
    }

    @AfterAll
    static void stop() {
        browser.quit();
        hub.close();
    }

    @Test
    void hubRestart_onTheSamePortsAndData_thePageComesBackLiveWithoutAReload() throws Exception {
        int http = hub.hub.httpPort();
        int mqtt = hub.hub.mqttPort();
        browser.executeScript("window.sameDocument = 'yes';");

        hub.close();
        waitFor().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "reconnecting"));
        hub = RunningHub.start(dir, FEATURES, http, mqtt);
        waitFor().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "live"));

        try (TestClient coffee = online("coffee", mqtt)) {
            waitFor().until(ExpectedConditions.attributeToBe(By.id("kiosk-coffee"), "data-state", "online"));
            coffee.publish("stores/demo-store/kiosks/coffee/tap", CODEC.encode(new TapEvent(SchemaVersion.CURRENT,
                    UUID.randomUUID().toString(), Instant.now(), "coffee", "it-reader",
                    new Credential(Credential.Type.CARD_UID, TapFlowIT.CAMILLE), 1)), false);
            waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "Gold member - coffee - "));
        }
        assertThat(browser.executeScript("return window.sameDocument")).as("the page was not reloaded").isEqualTo("yes");
        assertThat(sseLinesUntilHeartbeat(http)).contains("event:snapshot").contains(":heartbeat");
    }

    @Test
    void twoThousandTapsAndAlerts_keepTheFeedCappedAndTheDomTheSameSize() {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(150));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/dashboard').then((r) => r.json()).then((s) => {
                  const d = window.hubDashboard;
                  let nodesAt200 = 0;
                  const started = performance.now();
                  for (let i = 0; i < 2000; i++) {
                    s.feed.unshift({at: new Date().toISOString(), text: 'Gold member - coffee - 1 offer - ' + i + ' ms'});
                    s.alerts.push({kind: 'LATENCY', kiosk: 'coffee', severity: 'warning', message: 'alert ' + i});
                    s.today.tapsPerHour[i % 24] += 1;
                    if (i % 4 === 3) d.render(s);
                    if (i === 199) nodesAt200 = document.getElementsByTagName('*').length;
                  }
                  done({feedRows: document.querySelectorAll('#feed li').length, maxFeed: d.MAX_FEED,
                    nodesAt200, nodesAtEnd: document.getElementsByTagName('*').length,
                    bars: document.querySelectorAll('#chart-taps rect').length, ms: performance.now() - started});
                }).catch((e) => done({error: String(e)}));
                """);

        assertThat(result).doesNotContainKey("error");
        assertThat(((Number) result.get("feedRows")).intValue()).isEqualTo(((Number) result.get("maxFeed")).intValue());
        assertThat(((Number) result.get("nodesAtEnd")).longValue()).as(result.toString())
                .isEqualTo(((Number) result.get("nodesAt200")).longValue());
        assertThat(((Number) result.get("bars")).intValue()).isEqualTo(24);
    }

    /** The raw event stream as a script reads it (the bootstrap operator token), until the first heartbeat comment. */
    private static String sseLinesUntilHeartbeat(int port) throws IOException, InterruptedException {
        HttpResponse<InputStream> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/dashboard/events"))
                .header("Authorization", "Bearer " + SecretFile.read(dir.resolve("api.secret"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        StringBuilder seen = new StringBuilder();
        try (InputStream in = res.body()) {
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!seen.toString().contains(":heartbeat") && System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8).replace(": ", ":"));
            }
        }
        return seen.toString();
    }

    private static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** A kiosk connected with its identity and Will, reporting itself online. */
    private static TestClient online(String kiosk, int port) throws Exception {
        String topic = "stores/demo-store/kiosks/" + kiosk + "/status";
        TestClient client = TestClient.connect(port, "kiosk-demo-store-" + kiosk, "demo-store/" + kiosk,
                hub.kioskSecret(kiosk), topic, CODEC.encode(status(kiosk, KioskStatus.Presence.OFFLINE)));
        client.publish(topic, CODEC.encode(status(kiosk, KioskStatus.Presence.ONLINE)), true);
        return client;
    }

    private static KioskStatus status(String kiosk, KioskStatus.Presence presence) {
        boolean on = presence == KioskStatus.Presence.ONLINE;
        return new KioskStatus(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), kiosk, presence,
                "0.1.0", on ? DeviceHealth.ok("simulated") : null, on ? DeviceHealth.ok("paper ok") : null,
                on ? DeviceHealth.ok("") : null);
    }
}
