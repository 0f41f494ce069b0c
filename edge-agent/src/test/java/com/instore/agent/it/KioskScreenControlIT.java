package com.instore.agent.it;

import com.instore.protocol.Command;
import com.instore.protocol.CommandResult;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.Offer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7 on the real kiosk page in headless Chromium: the desired screen theme, language and offers per screen change
 * what the page shows live (and after a reload); RESTART_SCREEN restarts the screen server and the page reloads itself
 * and comes back; IDENTIFY plays its own indicator pattern and shows a banner naming the kiosk.
 */
class KioskScreenControlIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<Offer> FOUR_OFFERS = List.of(new Offer("o-1", "2-for-1 espresso", "Today"),
            new Offer("o-2", "Free croissant", "With a hot drink"), new Offer("o-3", "Double points", "Next visit"),
            new Offer("o-4", "10% off beans", "This week"));

    @TempDir
    static Path tempDir;
    static TestBroker broker;
    static TestHub hub;
    static RunningAgent agent;
    static ChromeDriver browser;
    static long version;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start(tempDir.resolve("broker"));
        hub = new TestHub(broker.uri(), RunningAgent.KIOSK);
        agent = new RunningAgent(tempDir, broker.uri(), Map.of("agent.idle-after-ms", "60000"));
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
    void desiredThemeLanguageAndOffersPerScreen_changeThePageLive_andStayAfterAReload() throws Exception {
        showMember();
        assertThat(body("data-theme")).isEqualTo("default");
        assertThat(offersShown()).hasSize(3);
        assertThat(textOf(By.cssSelector("#member .label"))).isEqualTo("TIER");

        push("dark", "fr", 2);
        until(() -> "dark".equals(body("data-theme")) && offersShown().size() == 2);
        assertThat(textOf(By.cssSelector("#member .label"))).isEqualTo("NIVEAU");
        assertThat(textOf(By.id("greeting"))).isEqualTo("Hello Camille"); // the hub's words stay as sent
        assertThat(backgroundOfBody()).isEqualTo("rgba(17, 21, 29, 1)");
        agent.tap("04000000000042"); // never answered: the local offline screen, in French
        hub.nextTap(WAIT);
        waitForState("offline");
        assertThat(textOf(By.id("message"))).isEqualTo("Votre visite est enregistrée.");

        browser.navigate().refresh();
        waitForState("offline");
        until(() -> "fr".equals(body("data-language")));
        assertThat(body("data-theme")).isEqualTo("dark");
        assertThat(textOf(By.id("greeting"))).isEqualTo("Bienvenue !");

        push("high-contrast", "de-DE", 1);
        until(() -> "high-contrast".equals(body("data-theme")) && "de".equals(body("data-language")));
        assertThat(textOf(By.id("message"))).isEqualTo("Ihr Besuch ist gespeichert.");
        assertThat(backgroundOfBody()).isEqualTo("rgba(0, 0, 0, 1)");
        showMember();
        assertThat(offersShown()).hasSize(1);
        assertThat(textOf(By.cssSelector("#member .label"))).isEqualTo("STUFE");

        push("light", "es", 0);
        until(() -> "es".equals(body("data-language")) && offersShown().isEmpty());
        assertThat(textOf(By.cssSelector("#member .label"))).isEqualTo("NIVEL");
        assertThat(browser.findElement(By.id("offers")).isDisplayed()).isFalse();
    }

    @Test
    void restartScreen_restartsTheServer_andThePageReloadsAndComesBack() throws Exception {
        until(() -> "true".equals(body("data-connected")));
        String before = agent.get("/screen/instance").body();
        ((JavascriptExecutor) browser).executeScript("window.beforeRestart = true;");

        CommandResult result = hub.command(Command.Type.RESTART_SCREEN, WAIT);

        assertThat(result.outcome()).as(result.detail()).isEqualTo(CommandResult.Outcome.OK);
        assertThat(result.detail()).contains("restarted on port").contains("1 of 1 page(s) reloaded and back");
        assertThat(agent.get("/screen/instance").body()).isNotEqualTo(before);
        until(() -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return window.beforeRestart === undefined && document.readyState === 'complete';")));
        agent.tap("04000000000043");
        hub.nextTap(WAIT);
        waitForState("offline"); // the reloaded page follows the screen again
    }

    @Test
    void identify_playsItsOwnPattern_andShowsABannerNamingTheKiosk_forAFewSeconds() throws Exception {
        CommandResult result = hub.command(Command.Type.IDENTIFY, WAIT);

        assertThat(result.outcome()).as(result.detail()).isEqualTo(CommandResult.Outcome.OK);
        assertThat(result.detail()).contains("identify pattern").contains("on 1 page(s)");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("identify-banner")));
        assertThat(textOf(By.id("identify-kiosk"))).contains("entrance");
        assertThat(textOf(By.id("identify-store"))).contains("demo-store");
        assertThat(agent.get("/simulate/indicator").body()).contains("IDENTIFY");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("identify-banner")));
    }

    private static void showMember() throws Exception {
        String tapId = agent.tap("04A22B1A5C8001");
        hub.nextTap(WAIT);
        hub.answerMember(tapId, "Hello Camille", FOUR_OFFERS);
        waitForState("member");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-tap-id", tapId));
    }

    private static void push(String theme, String language, int offersPerScreen) throws Exception {
        version++;
        hub.pushConfig(new KioskConfig(1, UUID.randomUUID().toString(), Instant.now(), RunningAgent.KIOSK.kioskId(),
                version, "simulated", "none", theme, language, 800, offersPerScreen, 0));
    }

    private static List<WebElement> offersShown() {
        return browser.findElements(By.cssSelector("#offers .offer"));
    }

    private static String body(String attribute) {
        return browser.findElement(By.tagName("body")).getDomAttribute(attribute);
    }

    private static String textOf(By by) {
        return browser.findElement(by).getText().replace('\u00a0', ' ');
    }

    private static String backgroundOfBody() {
        return browser.findElement(By.tagName("body")).getCssValue("background-color");
    }

    private static void until(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(WAIT).ignoreExceptions().until(condition);
    }

    private static void waitForState(String state) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", state));
    }
}
