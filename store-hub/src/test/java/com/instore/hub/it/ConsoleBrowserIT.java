package com.instore.hub.it;

import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.ConfigReport;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in headless Chromium against a running hub: create a kiosk and get its enrolment code with its QR,
 * push a configuration to a kiosk (simulated over real MQTT, applying what it is sent) and see the applied version; the
 * actions appear in the audit log.
 */
class ConsoleBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MessageCodec CODEC = new MessageCodec();

    @TempDir
    static Path dir;
    static RunningHub hub;

    @BeforeAll
    static void startHub() throws Exception {
        hub = RunningHub.start(dir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void operator_createsAKiosk_getsItsCode_pushesAConfig_seesItApplied_pausesAnOffer_findsAMemberByCard() throws Exception {
        ChromeDriver browser = HeadlessChromium.start(dir);
        try (TestClient coffee = hub.kiosk("coffee")) {
            coffee.subscribe("stores/demo-store/kiosks/coffee/config/desired");
            logIn(browser);
            browser.get("http://127.0.0.1:" + hub.hub.httpPort() + "/operator");
            waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("row-coffee")));

            browser.findElement(By.id("new-kiosk-id")).sendKeys("lobby");
            browser.findElement(By.id("create-kiosk-button")).click();
            WebElement code = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("enrolment-code")));
            assertThat(code.getText()).isNotBlank();
            waitFor(browser).until(b -> (Boolean) ((JavascriptExecutor) b).executeScript(
                    "const i = document.getElementById('enrolment-qr'); return i.complete && i.naturalWidth > 0;"));

            browser.findElement(By.id("config-coffee")).click();
            WebElement area = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("config-json")));
            String edited = area.getAttribute("value").replaceAll("\"answer-timeout-ms\": \\d+", "\"answer-timeout-ms\": 900");
            area.clear();
            area.sendKeys(edited);
            browser.findElement(By.id("config-push")).click();
            long version = applyNext(coffee);
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("row-coffee"),
                    "in sync v" + version));
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "/api/kiosks"));

            browser.findElement(By.id("pause-latte-2for1")).click();
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-latte-2for1"), "paused"));
            browser.findElement(By.id("member-query")).sendKeys("04:A2:2B:1A:5C:80:01");
            browser.findElement(By.id("member-find")).click();
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("member-m-0001"), "Camille"));
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"),
                    "/api/members/search?card"));
            waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user-admin")));
            browser.findElement(By.id("resume-latte-2for1")).click();
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-latte-2for1"), "running"));
            HeadlessChromium.screenshot(browser, "console");
        } finally {
            browser.quit();
        }
    }

    /** Plays the kiosk: takes the next desired configuration with the new timeout and reports it applied. */
    private static long applyNext(TestClient kiosk) throws Exception {
        while (true) {
            TestClient.Received got = kiosk.received.poll(20, TimeUnit.SECONDS);
            assertThat(got).as("a desired configuration").isNotNull();
            KioskConfig desired = CODEC.decode(got.message().getPayload(), KioskConfig.class);
            if (desired.answerTimeoutMs() == 900) {
                kiosk.publish("stores/demo-store/kiosks/coffee/config/reported", CODEC.encode(new ConfigReport(
                        SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "coffee",
                        ConfigReport.Outcome.APPLIED, desired.version(), 0, "", List.of())), true);
                return desired.version();
            }
        }
    }

    private static void logIn(ChromeDriver browser) throws Exception {
        browser.get("http://127.0.0.1:" + hub.hub.httpPort() + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(SecretFile.read(dir.resolve("admin.password")));
        browser.findElement(By.id("login")).click();
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "live"));
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
