package dev.otapress.browser;

import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.HistorySite;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portal in a real headless Chromium, once as an iPhone and once as a desktop browser:
 * install links, the QR code, the history and its filters, and a clean console. Screenshots go to
 * target/screenshots/ for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private static final String MAC_SAFARI_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    /** The beta release, in a folder whose name has a space and an '&'. */
    private static final HistorySite.Entry BETA = HistorySite.FIELD.get(0);
    private static final HistorySite.Entry OLD = HistorySite.FIELD.get(2);

    /**
     * Held so the level sticks: Selenium warns that it has no CDP bindings for this Chromium, which
     * does not matter here because executeCdpCommand goes through chromedriver.
     */
    private final java.util.logging.Logger cdpVersionLog = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private Path dir;
    private StaticServer server;

    @BeforeAll
    void buildAndServe(@TempDir Path dir) throws Exception {
        this.dir = dir;
        cdpVersionLog.setLevel(Level.SEVERE);
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium chromium-driver): skipped");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed (apt-get install chromium-driver): skipped");
        // One app, so the home page shows its history directly.
        TestSite site = HistorySite.write(dir.resolve("site"), false);
        new SiteBuilder().build(BuildRequest.of(site.root()));
        server = StaticServer.serve(site.out());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void iPhone() throws IOException {
        ChromeDriver driver = start(phone(390, 844));
        try {
            open(driver, BETA.folder() + "/");
            assertEquals("device-ios", htmlClass(driver));
            WebElement install = driver.findElement(By.cssSelector(".install-box a.install"));
            assertTrue(install.isDisplayed(), "the install button shows on an iPhone");
            assertEquals(expectedInstallLink(BETA.folder()), install.getDomAttribute("href"));
            WebElement qr = driver.findElement(By.cssSelector(".install-box svg.qr"));
            assertTrue(qr.isDisplayed(), "the QR code stays, smaller");
            assertTrue(qr.getRect().getWidth() < install.getRect().getWidth(), "on an iPhone the button outweighs the code");
            assertTrue(install.getRect().getY() < qr.getRect().getY(), "on an iPhone the button comes first");
            assertTrue(driver.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;") instanceof Boolean b && b,
                    "nothing is wider than the phone's screen");
            screenshots(driver, "iphone-release");
            open(driver, OLD.folder() + "/");
            screenshots(driver, "iphone-older-release");

            open(driver, "");
            screenshots(driver, "iphone-home");
            historyAndFilters(driver);

            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    /** The narrowest phone still in use (an iPhone SE of the first generation): nothing may scroll sideways. */
    @Test
    void narrowPhone() throws IOException {
        ChromeDriver driver = start(phone(320, 568));
        try {
            for (String page : List.of("", BETA.folder() + "/", OLD.folder() + "/")) {
                open(driver, page);
                assertEquals(320L, driver.executeScript("return document.documentElement.clientWidth;"));
                assertEquals(Boolean.TRUE, driver.executeScript(
                        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
                        "wider than 320 px: " + page);
                assertTrue(driver.findElement(By.cssSelector("a.install")).isDisplayed());
            }
            screenshots(driver, "iphone-320-older-release");
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    /** iPadOS Safari sends a Mac's user agent; only its touch screen tells it apart from a Mac. */
    @Test
    void iPadThatClaimsToBeAMac() throws IOException {
        ChromeOptions options = options();
        options.addArguments("--window-size=1024,1366", "--user-agent=" + MAC_SAFARI_UA);
        ChromeDriver driver = start(options);
        try {
            open(driver, BETA.folder() + "/");
            assertEquals("device-other", htmlClass(driver), "a Mac without a touch screen");
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            open(driver, OLD.folder() + "/");
            assertEquals("device-ios", htmlClass(driver), "a \"Mac\" with a touch screen is an iPad");
            assertTrue(driver.findElement(By.cssSelector(".install-box a.install")).isDisplayed());
            assertTrue(driver.findElement(By.cssSelector(".install-box svg.qr")).isDisplayed());
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    @Test
    void desktop() throws IOException {
        ChromeOptions options = options();
        options.addArguments("--window-size=1280,900");
        ChromeDriver driver = start(options);
        try {
            driver.manage().window().setSize(new Dimension(1280, 900));
            open(driver, BETA.folder() + "/");
            assertEquals("device-other", htmlClass(driver));
            WebElement install = driver.findElement(By.cssSelector(".install-box a.install"));
            assertTrue(install.isDisplayed(), "the install button is never hidden, also not on a computer");
            assertEquals(expectedInstallLink(BETA.folder()), install.getDomAttribute("href"));
            WebElement qr = driver.findElement(By.cssSelector(".install-box svg.qr"));
            assertTrue(qr.isDisplayed());
            assertTrue(qr.getRect().getWidth() >= 180, "on a computer the code is large enough to scan: " + qr.getRect());
            assertEquals("img", qr.getDomAttribute("role"));
            String pageUrl = HistorySite.BASE_URL + "field/1.3%20beta%20%26%20more/";
            assertTrue(qr.getDomAttribute("aria-label").endsWith(pageUrl), "the code carries the page's https URL");
            assertTrue(driver.findElement(By.cssSelector(".qr-box figcaption")).getText().contains("Scan with your iPhone's camera"));
            screenshots(driver, "desktop-release");
            // A printout cannot install but can be scanned: the code stays, the buttons go.
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertTrue(qr.isDisplayed(), "the QR code prints");
            assertFalse(install.isDisplayed(), "buttons do not print");
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            assertTrue(install.isDisplayed());
            open(driver, OLD.folder() + "/");
            assertTrue(driver.findElement(By.cssSelector(".banner")).getText().contains(HistorySite.FIELD.get(1).version()),
                    "an older release points to the newest of its channel");
            screenshots(driver, "desktop-older-release");

            open(driver, "");
            screenshots(driver, "desktop-home");
            historyAndFilters(driver);
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    /** Every version newest first; search words and the channel both narrow the list. */
    private static void historyAndFilters(ChromeDriver driver) {
        assertEquals(HistorySite.FIELD.stream().map(HistorySite.Entry::version).toList(), visibleVersions(driver));
        WebElement search = driver.findElement(By.cssSelector("[data-search-input]"));
        assertTrue(search.isDisplayed(), "with JavaScript the search shows");
        search.sendKeys("signature");
        assertEquals(List.of("1.2.0"), visibleVersions(driver));
        search.clear();
        search.sendKeys(" ");
        Select channel = new Select(driver.findElement(By.cssSelector("[data-channel-select]")));
        channel.selectByValue("beta");
        assertEquals(List.of(BETA.version()), visibleVersions(driver));
        channel.selectByValue("stable");
        search.sendKeys("offline");
        assertEquals(List.of("1.1.0"), visibleVersions(driver));
        search.sendKeys(" nothing-like-this");
        assertEquals(List.of(), visibleVersions(driver));
        assertTrue(driver.findElement(By.cssSelector("[data-no-match]")).isDisplayed());
        search.clear();
        search.sendKeys(" ");
        channel.selectByValue("");
        assertEquals(HistorySite.FIELD.size(), visibleVersions(driver).size());
    }

    private static List<String> visibleVersions(ChromeDriver driver) {
        List<String> out = new ArrayList<>();
        for (WebElement li : driver.findElements(By.cssSelector("[data-history] > li"))) {
            if (!li.isDisplayed()) continue;
            String title = li.findElement(By.cssSelector(".release-title")).getText();
            out.add(title.substring(0, title.indexOf(' ')));
        }
        return out;
    }

    /**
     * Built here from the base URL by hand, not with the code under test: path segments encoded
     * once, then the whole manifest URL encoded as one query value, because iOS decodes the url
     * parameter once before it parses it as a URL.
     */
    private static String expectedInstallLink(String folder) {
        StringBuilder path = new StringBuilder();
        for (String segment : folder.split("/")) {
            path.append(strictEncode(segment)).append('/');
        }
        String manifest = HistorySite.BASE_URL + path + "manifest.plist";
        return "itms-services://?action=download-manifest&url=" + strictEncode(manifest);
    }

    /** Everything but A-Z a-z 0-9 - _ . ~ as %XX; URLEncoder differs in '+', '*' and '~'. */
    private static String strictEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String htmlClass(ChromeDriver driver) {
        return driver.findElement(By.tagName("html")).getDomAttribute("class");
    }

    private void open(ChromeDriver driver, String sitePath) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : sitePath.split("/", -1)) {
            if (!encoded.isEmpty()) encoded.append('/');
            encoded.append(strictEncode(segment));
        }
        driver.get(server.base().resolve(encoded.toString()).toString());
    }

    private static ChromeOptions phone(int width, int height) {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true, "mobile", true),
                "userAgent", IPHONE_UA));
        return options;
    }

    private static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return options;
    }

    private ChromeDriver start(ChromeOptions options) throws IOException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        options.addArguments("--user-data-dir=" + profile);
        // A driver given by path keeps Selenium Manager from looking for (and downloading) one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void assertNoConsoleErrors(ChromeDriver driver) {
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) severe.add(e.getMessage());
        }
        assertTrue(severe.isEmpty(), "console errors: " + severe);
    }

    /** The whole page, light and dark, for review. */
    private static void screenshots(ChromeDriver driver, String name) throws IOException {
        for (String scheme : List.of("light", "dark")) {
            driver.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            assertEquals(scheme.equals("dark"), driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches;"));
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
}
