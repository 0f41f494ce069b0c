package com.instore.agent.it;

import com.instore.protocol.Offer;
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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real kiosk page in headless Chromium (Debian's chromium + chromedriver, nothing downloaded): it follows the screen
 * states pushed over SSE. A screenshot of each state goes to target/screenshots.
 */
class KioskPageIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

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
        agent = new RunningAgent(tempDir, broker.uri(), Map.of("agent.idle-after-ms", "60000"));
        await().atMost(WAIT).until(agent::mqttConnected);
        browser = HeadlessChromium.start(tempDir);
        browser.get(agent.baseUrl() + "/");
        Files.createDirectories(SCREENSHOTS);
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
    void page_followsEveryState_attractMemberWelcomeOffline() throws Exception {
        waitForState("attract");
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Tap your card or phone");
        screenshot("attract");

        String member = agent.tap("04A22B1A5C8001");
        hub.nextTap(WAIT);
        hub.answerMember(member, "Hello Camille", List.of(
                new Offer("o-1", "2-for-1 espresso", "Today until noon"),
                new Offer("o-2", "Free croissant", "With any hot drink"),
                new Offer("o-3", "Double points", "On your next visit")));
        waitForState("member");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("greeting"), "Hello Camille"));
        List<WebElement> offers = browser.findElements(By.cssSelector(".offer"));
        assertThat(offers).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("2-for-1 espresso"))
                .hasSize(3);
        assertThat(offers).allMatch(WebElement::isDisplayed);
        screenshot("member");

        String welcome = agent.tap("04FFFFFFFF0001");
        hub.nextTap(WAIT);
        hub.answerWelcome(welcome);
        waitForState("welcome");
        assertThat(browser.findElement(By.id("join-url")).getText()).isEqualTo("http://hub.local:8080/join");
        screenshot("welcome");

        agent.tap("04000000000042");
        hub.nextTap(WAIT);
        waitForState("offline");
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Your visit is recorded.");
        screenshot("offline");
    }

    private static void waitForState(String state) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", state));
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
