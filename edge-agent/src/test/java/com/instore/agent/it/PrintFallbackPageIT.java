package com.instore.agent.it;

import com.instore.protocol.PrintJob;
import com.instore.protocol.SchemaVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The kiosk page in headless Chromium shows the coupon's QR code when the simulated printer is out of paper. */
class PrintFallbackPageIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path tempDir;
    static TestBroker broker;
    static TestHub hub;
    static RunningAgent agent;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start(tempDir.resolve("broker"));
        hub = new TestHub(broker.uri(), RunningAgent.KIOSK);
        agent = new RunningAgent(tempDir, broker.uri(), Map.of("agent.printer.uri", "simulated",
                "agent.idle-after-ms", "60000"));
        await().atMost(WAIT).until(agent::mqttConnected);
        browser = HeadlessChromium.start(tempDir);
        browser.get(agent.baseUrl() + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (agent != null) {
            agent.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void printerOutOfPaper_pageShowsTheCouponQrAndCode() throws Exception {
        assertThat(agent.post("/simulate/printer", "{\"paper\":\"OUT\"}").statusCode()).isEqualTo(204);
        String tapId = agent.tap("04A22B1A5C8001");
        hub.nextTap(WAIT);
        hub.answerMember(tapId, "Hello Camille", List.of());
        waitForState("member");

        hub.print(new PrintJob(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "entrance", tapId,
                "CPN-PAGE1", "https://hub.local/c/CPN-PAGE1", List.of("2-for-1 espresso")));

        waitForState("printfallback");
        WebElement qr = browser.findElement(By.id("print-fallback-qr"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOf(qr));
        assertThat(qr.getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(qr.getSize().getWidth()).isGreaterThan(100);
        assertThat(browser.findElement(By.id("print-fallback-code")).getText()).isEqualTo("CPN-PAGE1");
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("The printer is out of paper");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("printfallback.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void waitForState(String state) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", state));
    }
}
