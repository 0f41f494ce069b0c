package com.instore.hub.it;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Debian's headless Chromium through Debian's chromedriver (installed by .ci/setup-test-env; nothing is downloaded).
 * Missing binaries are a failure that says how to install them, never a silent skip.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A browser with a fresh profile under {@code profileParent}, as a 1280x900 tablet screen. */
    static ChromeDriver start(Path profileParent) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (packages chromium and chromium-driver): run .ci/setup-test-env");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory(profileParent, "chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>.png}. */
    static Path screenshot(ChromeDriver browser, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        return Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
