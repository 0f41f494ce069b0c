package com.instore.hub.it;

import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.Credential;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff dashboard in headless Chromium against a running hub, with kiosks simulated over real MQTT (their own
 * identities and Wills): log in, watch a kiosk go offline when its connection dies and online when it is back, see a tap
 * in the live feed. Screenshots go to target/screenshots.
 */
class DashboardBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MessageCodec CODEC = new MessageCodec();

    @TempDir
    static Path dir;
    static RunningHub hub;
    ChromeDriver browser;
    final List<AutoCloseable> kiosks = new ArrayList<>();

    @BeforeAll
    static void startHub() throws Exception {
        hub = RunningHub.start(dir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start(dir);
    }

    @AfterEach
    void closeAll() throws Exception {
        browser.quit();
        for (AutoCloseable k : kiosks.reversed()) {
            k.close();
        }
    }

    @Test
    void login_thenKioskGoesOfflineAndOnline_andATapAppearsInTheFeed() throws Exception {
        TcpProxy cable = new TcpProxy(hub.hub.mqttPort());
        kiosks.add(cable);
        online("checkout", cable.port());
        TestClient coffee = online("coffee", hub.hub.mqttPort());
        online("entrance", hub.hub.mqttPort());
        logIn();
        WebDriverWait wait = waitFor();
        wait.until(ExpectedConditions.attributeToBe(By.id("kiosk-checkout"), "data-state", "online"));

        cable.close();
        wait.until(ExpectedConditions.attributeToBe(By.id("kiosk-checkout"), "data-state", "offline"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "checkout is offline"));
        online("checkout", hub.hub.mqttPort());
        wait.until(ExpectedConditions.attributeToBe(By.id("kiosk-checkout"), "data-state", "online"));

        coffee.publish("stores/demo-store/kiosks/coffee/tap", CODEC.encode(new TapEvent(SchemaVersion.CURRENT,
                UUID.randomUUID().toString(), Instant.now(), "coffee", "it-reader",
                new Credential(Credential.Type.CARD_UID, TapFlowIT.CAMILLE), 1)), false);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "Gold member - coffee - "));
        wait.until(ExpectedConditions.textToBe(By.id("fig-taps"), "1"));
        assertThat(browser.getPageSource()).doesNotContain("Camille");
        HeadlessChromium.screenshot(browser, "dashboard");
    }

    private void logIn() {
        browser.get("http://127.0.0.1:" + hub.hub.httpPort() + "/");
        waitFor().until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        try {
            browser.findElement(By.id("password")).sendKeys(SecretFile.read(dir.resolve("admin.password")));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        browser.findElement(By.id("login")).click();
        waitFor().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "live"));
    }

    /** The page re-renders every second: an element found a moment ago may be replaced (stale) and is looked up again. */
    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** A kiosk connected with its identity and Will, reporting itself online with healthy devices. */
    private TestClient online(String kiosk, int port) throws Exception {
        String topic = "stores/demo-store/kiosks/" + kiosk + "/status";
        TestClient client = TestClient.connect(port, "kiosk-demo-store-" + kiosk, "demo-store/" + kiosk,
                hub.kioskSecret(kiosk), topic, CODEC.encode(status(kiosk, KioskStatus.Presence.OFFLINE)));
        kiosks.add(client);
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
