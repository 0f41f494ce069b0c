package com.instore.agent.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.agent.it.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product as the demo runs it: the packaged hub with its embedded broker and SQLite, and three packaged agents
 * with simulated readers, each its own process, talking over real sockets. Checks what a shopper and the staff see.
 */
class StoreSystemIT {
    private static final String CAMILLE = "04A22B1A5C8001";
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;
    static DemoStore store;

    @BeforeAll
    static void startStore() throws Exception {
        store = new DemoStore(dataDir).start();
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void camilleTapsAtCoffee_screenGreetsHerWithAnOffer() throws Exception {
        String tapId = store.tap("coffee", CAMILLE);

        JsonNode state = awaitScreen("coffee", tapId, "member");
        assertThat(state.path("greeting").asText()).contains("Camille");
        assertThat(state.path("tier").asText()).isEqualTo("GOLD");
        assertThat(state.path("offers")).isNotEmpty();
        assertThat(state.path("offers").get(0).path("title").asText()).isNotBlank();
    }

    @Test
    void unknownCard_screenShowsWelcomeWithJoinLink() throws Exception {
        String tapId = store.tap("entrance", "04FFEEDDCCBBAA");

        JsonNode state = awaitScreen("entrance", tapId, "welcome");
        assertThat(state.path("joinUrl").asText()).contains("/join/");
        assertThat(state.path("greeting").asText()).doesNotContain("Camille");
    }

    @Test
    void kioskPage_inChromium_showsTheGreetingAfterATap() throws Exception {
        ChromeDriver browser = HeadlessChromium.start(dataDir);
        try {
            browser.get(store.screenUrl("checkout", "/").toString());
            WebDriverWait wait = new WebDriverWait(browser, ANSWER);
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "attract"));

            store.tap("checkout", CAMILLE);

            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "member"));
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot, SCREENSHOTS.resolve("system-member.png"), StandardCopyOption.REPLACE_EXISTING);
            // getText() is the text a person sees: empty when the greeting is pushed off the screen.
            assertThat(browser.findElement(By.id("greeting")).getText()).contains("Camille");
            assertThat(browser.findElements(By.cssSelector(".offer"))).isNotEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void agentKilled_isOfflineOnTheHub_andOnlineWhenItComesBack() throws Exception {
        store.killAgent("entrance");
        await().atMost(ANSWER).ignoreExceptions().until(() -> !store.online("entrance"));
        assertThat(store.online("coffee")).isTrue();

        store.restartAgent("entrance");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> store.online("entrance"));
        String tapId = store.tap("entrance", CAMILLE);
        awaitScreen("entrance", tapId, "member");
    }

    @Test
    void staffPage_listsKiosksAndTaps_withoutNames() throws Exception {
        String tapId = store.tap("coffee", CAMILLE);
        awaitScreen("coffee", tapId, "member");

        assertThat(store.get(store.hubUrl("/")).body()).contains("/assets/dashboard.js").doesNotContain("Camille");
        await().atMost(ANSWER).untilAsserted(() -> assertThat(store.get(store.hubUrl("/api/dashboard")).body())
                .contains("entrance", "coffee", "checkout", "Gold member - coffee").doesNotContain("Camille"));
    }

    @Test
    void dashboard_inChromium_showsAKilledAgentOffline_thenOnline_andATapInTheFeed() throws Exception {
        ChromeDriver browser = HeadlessChromium.start(dataDir);
        try {
            browser.get(store.hubUrl("/").toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(Files.readString(dataDir.resolve("hub/admin.password")).strip());
            browser.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("kiosk-checkout"), "data-state", "online"));

            store.killAgent("checkout");
            wait.until(ExpectedConditions.attributeToBe(By.id("kiosk-checkout"), "data-state", "offline"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "checkout is offline"));
            store.restartAgent("checkout");
            wait.until(ExpectedConditions.attributeToBe(By.id("kiosk-checkout"), "data-state", "online"));

            store.tap("coffee", CAMILLE);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "Gold member - coffee"));
            assertThat(browser.getPageSource()).doesNotContain("Camille");
            Path shots = Files.createDirectories(Path.of("target/screenshots"));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("system-dashboard.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }

    private static JsonNode awaitScreen(String kiosk, String tapId, String expectedState) {
        return await().atMost(ANSWER).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> store.screenState(kiosk),
                        state -> tapId.equals(state.path("tapId").asText())
                                && expectedState.equals(state.path("state").asText()));
    }
}
