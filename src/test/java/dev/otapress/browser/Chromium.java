package dev.otapress.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Debian's headless Chromium driven through its chromedriver, as the browser tests use it. */
public final class Chromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** axe-core, installed by .ci/run (npm ci --prefix .ci/npm). */
    static final Path AXE = Path.of(".ci", "npm", "node_modules", "axe-core", "axe.min.js");

    static final String IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    static final String OLD_IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_4 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/16.4 Mobile/15E148 Safari/604.1";
    /** Slack's in-app browser: a web view without Safari's token. */
    static final String SLACK_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Mobile/15E148 Slack/25.11.10";
    static final String MAC_SAFARI_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/18.1 Safari/605.1.15";

    private Chromium() {
    }

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium chromium-driver): skipped");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed (apt-get install chromium-driver): skipped");
    }

    static ChromeOptions phone(int width, int height, String userAgent) {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true, "mobile", true),
                "userAgent", userAgent));
        return options;
    }

    public static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return options;
    }

    public static ChromeDriver start(ChromeOptions options, Path tempDir) throws IOException {
        Path profile = Files.createTempDirectory(tempDir, "chromium-profile");
        options.addArguments("--user-data-dir=" + profile);
        // A driver given by path keeps Selenium Manager from looking for (and downloading) one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits (for the page's script, which fetches and debounces) until the condition holds. */
    static <T> T await(ChromeDriver driver, Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.apply((ChromeDriver) d));
    }

    static void assertNoConsoleErrors(ChromeDriver driver) {
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) severe.add(e.getMessage());
        }
        assertTrue(severe.isEmpty(), "console errors: " + severe);
    }

    static boolean noSidewaysScroll(ChromeDriver driver) {
        return Boolean.TRUE.equals(driver.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
    }

    /** The whole page, light and dark, for review in target/screenshots/. */
    static void screenshots(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (String scheme : List.of("light", "dark")) {
            colorScheme(driver, scheme);
            Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
            assertFalse(png.length == 0);
            Files.write(SCREENSHOTS.resolve(name + "-" + scheme + ".png"), png);
        }
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    static void colorScheme(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        assertEquals(scheme.equals("dark"), driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches;"));
    }

    /**
     * axe-core's violations on the page as it is now, one line each ("rule: target"); empty when
     * it passes. The script is injected through the driver, so the page's CSP does not apply.
     */
    @SuppressWarnings("unchecked")
    static List<String> axeViolations(ChromeDriver driver) throws IOException {
        driver.executeScript(Files.readString(AXE));
        Object result = driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) result;
    }
}
