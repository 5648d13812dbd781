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
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static dev.otapress.browser.Chromium.assertNoConsoleErrors;
import static dev.otapress.browser.Chromium.await;
import static dev.otapress.browser.Chromium.noSidewaysScroll;
import static dev.otapress.browser.Chromium.phone;
import static dev.otapress.browser.Chromium.screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one-app portal in a real headless Chromium, as an iPhone, an iPad and a desktop browser:
 * install links, the QR code, the history and its search, and a clean console. Screenshots go to
 * target/screenshots/ for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {
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
        Chromium.assumeInstalled();
        // One app, so the home page is its page.
        TestSite site = HistorySite.write(dir.resolve("site"), false);
        new SiteBuilder().build(BuildRequest.of(site.root()));
        server = StaticServer.serve(site.out());
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void iPhone() throws IOException {
        ChromeDriver driver = Chromium.start(phone(390, 844, Chromium.IPHONE_UA), dir);
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
            assertTrue(noSidewaysScroll(driver), "nothing is wider than the phone's screen");
            assertFalse(driver.findElement(By.cssSelector("[data-inapp]")).isDisplayed(), "Safari is not told to open Safari");
            screenshots(driver, "iphone-release");
            open(driver, OLD.folder() + "/");
            screenshots(driver, "iphone-older-release");

            open(driver, "");
            // The one-app home page recommends the newest stable build, not the newer beta.
            WebElement recommended = driver.findElement(By.cssSelector(".app-head a.install"));
            assertEquals(expectedInstallLink(HistorySite.FIELD.get(1).folder()), recommended.getDomAttribute("href"));
            screenshots(driver, "iphone-home");
            historyAndSearch(driver);
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    /** The narrowest phone still in use (an iPhone SE of the first generation): nothing may scroll sideways. */
    @Test
    void narrowPhone() throws IOException {
        ChromeDriver driver = Chromium.start(phone(320, 568, Chromium.IPHONE_UA), dir);
        try {
            for (String page : List.of("", BETA.folder() + "/", OLD.folder() + "/")) {
                open(driver, page);
                assertEquals(320L, driver.executeScript("return document.documentElement.clientWidth;"));
                assertTrue(noSidewaysScroll(driver), "wider than 320 px: " + page);
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
        ChromeOptions options = Chromium.options();
        options.addArguments("--window-size=1024,1366", "--user-agent=" + Chromium.MAC_SAFARI_UA);
        ChromeDriver driver = Chromium.start(options, dir);
        try {
            open(driver, BETA.folder() + "/");
            assertEquals("device-other", htmlClass(driver), "a Mac without a touch screen");
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            open(driver, OLD.folder() + "/");
            assertEquals("device-ios", htmlClass(driver), "a \"Mac\" with a touch screen is an iPad");
            assertTrue(driver.findElement(By.cssSelector(".install-box a.install")).isDisplayed());
            assertTrue(driver.findElement(By.cssSelector(".install-box svg.qr")).isDisplayed());
            assertFalse(driver.findElement(By.cssSelector("[data-inapp]")).isDisplayed(), "iPad Safari is Safari");
            assertTrue(driver.findElements(By.cssSelector(".guard.inline")).isEmpty()
                    && !driver.findElement(By.cssSelector("[data-min-ios-warning]")).isDisplayed(),
                    "the iOS version is unknown, so no guess about it is shown");
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    @Test
    void desktop() throws IOException {
        ChromeOptions options = Chromium.options();
        options.addArguments("--window-size=1280,900");
        ChromeDriver driver = Chromium.start(options, dir);
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
            // The page names no newer build (so it never changes when one is added); the script names it from latest.json.
            await(driver, d -> d.findElement(By.cssSelector("main .banner")).getText().contains(HistorySite.FIELD.get(1).version()));
            assertEquals(HistorySite.BASE_URL + HistorySite.FIELD.get(1).folder() + "/",
                    driver.findElement(By.cssSelector("main .banner a")).getDomAttribute("href"), "an older release points to the newest of its channel");
            screenshots(driver, "desktop-older-release");

            open(driver, "");
            screenshots(driver, "desktop-home");
            historyAndSearch(driver);
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    /** Every version newest first; search words and the channel both narrow the list, and the query lands in the URL. */
    private static void historyAndSearch(ChromeDriver driver) {
        assertEquals(HistorySite.FIELD.stream().map(HistorySite.Entry::version).toList(), shownVersions(driver));
        WebElement search = driver.findElement(By.cssSelector("[data-search-input]"));
        assertTrue(search.isDisplayed(), "with JavaScript the search shows");
        search.sendKeys("signature");
        await(driver, d -> shownVersions(d).equals(List.of("1.2.0")));
        assertTrue(driver.getCurrentUrl().endsWith("?q=signature"), driver.getCurrentUrl());
        assertEquals("1 release matches “signature”.", driver.findElement(By.cssSelector("[data-search-status]")).getText());
        search.clear();
        search.sendKeys(" ");
        Select channel = new Select(driver.findElement(By.cssSelector("[data-channel-select]")));
        channel.selectByValue("beta");
        await(driver, d -> shownVersions(d).equals(List.of(BETA.version())));
        channel.selectByValue("stable");
        search.sendKeys("offline");
        await(driver, d -> shownVersions(d).equals(List.of("1.1.0")));
        search.sendKeys(" nothing-like-this");
        await(driver, d -> shownVersions(d).isEmpty());
        assertTrue(driver.findElement(By.cssSelector("[data-search-status]")).getText().startsWith("No release matches"));
        search.clear();
        search.sendKeys(" ");
        channel.selectByValue("");
        await(driver, d -> shownVersions(d).size() == HistorySite.FIELD.size());
    }

    /** The versions listed: the search's results while it shows them, else the history's rows (read at once, as the script may redraw). */
    @SuppressWarnings("unchecked")
    static List<String> shownVersions(ChromeDriver driver) {
        return (List<String>) driver.executeScript(
                "var results = document.querySelector('[data-results]');"
                + "var rows = results.hidden ? document.querySelectorAll('[data-history] .row') : results.querySelectorAll('.row');"
                + "return Array.prototype.filter.call(rows, function (r) { return r.offsetParent !== null; })"
                + "  .map(function (r) { return r.querySelector('.row-title').textContent.trim().split(' ')[0]; });");
    }

    /**
     * Built here from the base URL by hand, not with the code under test: path segments encoded
     * once, then the whole manifest URL encoded as one query value, because iOS decodes the url
     * parameter once before it parses it as a URL.
     */
    static String expectedInstallLink(String folder) {
        StringBuilder path = new StringBuilder();
        for (String segment : folder.split("/")) {
            path.append(strictEncode(segment)).append('/');
        }
        String manifest = HistorySite.BASE_URL + path + "manifest.plist";
        return "itms-services://?action=download-manifest&url=" + strictEncode(manifest);
    }

    /** Everything but A-Z a-z 0-9 - _ . ~ as %XX; URLEncoder differs in '+', '*' and '~'. */
    static String strictEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String htmlClass(ChromeDriver driver) {
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
}
