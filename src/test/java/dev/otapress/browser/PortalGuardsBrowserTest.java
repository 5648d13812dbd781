package dev.otapress.browser;

import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.PortalSite;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static dev.otapress.browser.Chromium.assertNoConsoleErrors;
import static dev.otapress.browser.Chromium.await;
import static dev.otapress.browser.Chromium.noSidewaysScroll;
import static dev.otapress.browser.Chromium.phone;
import static dev.otapress.browser.Chromium.screenshots;
import static dev.otapress.browser.PortalBrowserTest.htmlClass;
import static dev.otapress.browser.PortalBrowserTest.shownVersions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A portal with a long history (PortalSite: 110 builds of Field in two channels, and Expenses) in
 * headless Chromium: the recommended build and the channel switch, paging, search over the whole
 * history by what the page prints and by ?q=, the install guards (in-app browser, minimum iOS, ad
 * hoc devices, the UDID check, the Home Screen hint) and axe-core on every page kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalGuardsBrowserTest {
    private static final String FIELD_PAGE = "apps/" + PortalSite.FIELD + "/";

    private final java.util.logging.Logger cdpVersionLog = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private Path dir;
    private StaticServer server;
    private Path siteOut;

    @BeforeAll
    void buildAndServe(@TempDir Path dir) throws Exception {
        this.dir = dir;
        cdpVersionLog.setLevel(Level.SEVERE);
        Chromium.assumeInstalled();
        TestSite site = PortalSite.write(dir.resolve("site"));
        new SiteBuilder().build(BuildRequest.of(site.root()));
        siteOut = site.out();
        server = StaticServer.serve(site.out());
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    private static String installLink(int build) {
        return PortalBrowserTest.expectedInstallLink("field/" + build);
    }

    /** An iPhone on iOS 16.4: the recommended build needs 17.0, so it is warned before the download. */
    @Test
    void iPhoneRecommendedBuildChannelsAndGuards() throws IOException {
        ChromeDriver driver = Chromium.start(phone(390, 844, Chromium.OLD_IPHONE_UA), dir);
        try {
            open(driver, "");
            WebElement card = driver.findElements(By.cssSelector(".card")).stream()
                    .filter(c -> c.getText().contains("Field")).findFirst().orElseThrow();
            WebElement recommended = card.findElement(By.cssSelector(".actions a.install"));
            assertEquals(installLink(PortalSite.NEWEST_STABLE_BUILD), recommended.getDomAttribute("href"),
                    "the card installs the newest stable build, not the newer beta");
            WebElement warning = card.findElement(By.cssSelector("[data-min-ios-warning]"));
            assertTrue(warning.isDisplayed() && warning.getText().contains("Needs iOS 17.0; this device has iOS 16.4"), warning.getText());
            assertTrue(recommended.isDisplayed(), "a guard never hides the button");
            // The switch to the other channel: folded, labelled, dated, leading to the build's page.
            WebElement switcher = card.findElement(By.cssSelector("details.switch"));
            assertEquals("Other channels of Field", switcher.findElement(By.tagName("summary")).getDomProperty("textContent"),
                    "each card's switch names its app to a screen reader");
            WebElement beta = switcher.findElement(By.cssSelector("li[data-channel=beta]"));
            assertFalse(beta.isDisplayed());
            switcher.findElement(By.tagName("summary")).click();
            assertTrue(beta.isDisplayed());
            assertEquals("Beta 3.7.0 (" + PortalSite.NEWEST_BETA_BUILD + ") 20 Apr 2025", beta.getDomProperty("textContent").strip(),
                    "channel, build and date (getText would break the line between flex items)");
            assertEquals("field/" + PortalSite.NEWEST_BETA_BUILD + "/", beta.findElement(By.tagName("a")).getDomAttribute("href"));
            assertTrue(noSidewaysScroll(driver));
            screenshots(driver, "guards-iphone-home");

            // After a tap on Install: go to the Home Screen.
            driver.executeScript("document.addEventListener('click', function (e) { e.preventDefault(); });");
            recommended.click();
            WebElement toast = driver.findElement(By.cssSelector("[data-toast]"));
            await(driver, d -> toast.isDisplayed());
            assertTrue(toast.getText().contains("go to the Home Screen"), toast.getText());

            open(driver, "field/" + PortalSite.AD_HOC_BUILD + "/");
            WebElement adHoc = driver.findElement(By.cssSelector(".install-main .guard.adhoc"));
            assertTrue(adHoc.getText().startsWith("Installs only on the 3 registered devices."), adHoc.getText());
            assertEquals("https://it.example.com/register-device", adHoc.findElement(By.tagName("a")).getDomAttribute("href"));
            udidCheck(driver);
            assertTrue(noSidewaysScroll(driver));
            screenshots(driver, "guards-iphone-adhoc-release");

            open(driver, "field/" + PortalSite.EXPIRED_BUILD + "/");
            assertTrue(driver.findElements(By.cssSelector("a.install")).isEmpty(), "an expired build offers no install");
            assertTrue(driver.findElement(By.cssSelector(".install-main .banner")).getText()
                    .startsWith("Can no longer be installed: its profile expired on 1 Jan 2021."));
            screenshots(driver, "guards-iphone-expired-release");
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    private static void udidCheck(ChromeDriver driver) {
        WebElement details = driver.findElement(By.cssSelector("details[data-udid]"));
        details.findElement(By.tagName("summary")).click();
        WebElement input = details.findElement(By.cssSelector("[data-udid-input]"));
        WebElement result = details.findElement(By.cssSelector("[data-udid-result]"));
        assertFalse(details.getDomAttribute("data-hashes").contains(PortalSite.REGISTERED_UDID), "no raw UDID in the page");
        input.sendKeys(PortalSite.REGISTERED_UDID.toLowerCase());
        details.findElement(By.cssSelector("[data-udid-button]")).click();
        await(driver, d -> result.getText().startsWith("Yes"));
        input.clear();
        input.sendKeys(PortalSite.UNREGISTERED_UDID);
        details.findElement(By.cssSelector("[data-udid-button]")).click();
        await(driver, d -> result.getText().startsWith("No"));
        input.clear();
        input.sendKeys("not a udid");
        details.findElement(By.cssSelector("[data-udid-button]")).click();
        await(driver, d -> result.getText().startsWith("That is not a UDID"));
    }

    /** In Slack's browser the page says to open Safari, and keeps its install buttons. */
    @Test
    void iPhoneInAnAppsBrowser() throws IOException {
        ChromeDriver driver = Chromium.start(phone(390, 844, Chromium.SLACK_UA), dir);
        try {
            open(driver, "field/" + PortalSite.NEWEST_STABLE_BUILD + "/");
            WebElement banner = driver.findElement(By.cssSelector("[data-inapp]"));
            assertTrue(banner.isDisplayed(), "the in-app browser is told to open Safari");
            assertTrue(banner.getText().contains("Open this page in Safari"), banner.getText());
            assertTrue(banner.findElement(By.cssSelector("[data-copy-page]")).isDisplayed());
            assertTrue(driver.findElement(By.cssSelector(".install-box a.install")).isDisplayed(), "the button stays");
            // No wide code block or table makes the page scroll sideways.
            assertTrue(driver.findElement(By.cssSelector(".notes pre")).getText().contains(PortalSite.WIDE_CODE));
            assertTrue(noSidewaysScroll(driver));
            assertEquals(1, driver.findElements(By.xpath("//*[self::h2 or self::h3 or self::h4][normalize-space(.)=\"What's new\"]")).size(),
                    "notes starting with What's new do not repeat the page's heading");
            screenshots(driver, "guards-slack-release");
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    @Test
    void narrowPhoneWithAWideCodeBlock() throws IOException {
        ChromeDriver driver = Chromium.start(phone(320, 568, Chromium.IPHONE_UA), dir);
        try {
            for (String page : List.of("", "?q=field", FIELD_PAGE, FIELD_PAGE + "?q=3.4.2", "field/" + PortalSite.NEWEST_STABLE_BUILD + "/", FIELD_PAGE + "history/1/")) {
                open(driver, page);
                assertTrue(noSidewaysScroll(driver), "wider than 320 px: " + page);
            }
            open(driver, "field/" + PortalSite.NEWEST_STABLE_BUILD + "/");
            screenshots(driver, "guards-iphone-320-wide-code");
        } finally {
            driver.quit();
        }
    }

    /** An iPad asking for the desktop site: a Mac user agent with touch. Buttons stay, no guess about iOS. */
    @Test
    void iPad() throws IOException {
        ChromeOptions options = Chromium.options();
        options.addArguments("--window-size=1024,1366", "--user-agent=" + Chromium.MAC_SAFARI_UA);
        ChromeDriver driver = Chromium.start(options, dir);
        try {
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            open(driver, FIELD_PAGE);
            assertEquals("device-ios", htmlClass(driver));
            WebElement install = driver.findElement(By.cssSelector(".app-head a.install"));
            assertTrue(install.isDisplayed());
            assertEquals(installLink(PortalSite.NEWEST_STABLE_BUILD), install.getDomAttribute("href"));
            assertFalse(driver.findElement(By.cssSelector("[data-min-ios-warning]")).isDisplayed(), "iOS version unknown: silent");
            assertFalse(driver.findElement(By.cssSelector("[data-inapp]")).isDisplayed());
            screenshots(driver, "guards-ipad-app");
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    /** A laptop: paging, and search over the whole history by what the page prints, shareable as ?q=. */
    @Test
    void laptopPagingAndSearch() throws IOException {
        ChromeOptions options = Chromium.options();
        options.addArguments("--window-size=1280,900");
        ChromeDriver driver = Chromium.start(options, dir);
        try {
            open(driver, FIELD_PAGE);
            // The newest page holds the 10 newest builds; older pages are linked, numbered from the oldest.
            assertEquals(10, driver.findElements(By.cssSelector("[data-history] .row")).size());
            List<String> pages = new ArrayList<>();
            for (WebElement a : driver.findElements(By.cssSelector(".older-pages a"))) pages.add(a.getText());
            assertEquals(2, pages.size(), pages.toString());
            assertTrue(pages.get(0).startsWith("Page 2: ") && pages.get(1).startsWith("Page 1: "), pages.toString());
            assertFalse(shownVersions(driver).contains("3.4.2"), "3.4.2 (1054) is on an older page");
            // The app's page installs the newest build of each other channel, under the recommended one.
            WebElement betaHead = driver.findElement(By.cssSelector(".channels .row[data-channel=beta]"));
            assertEquals(installLink(PortalSite.NEWEST_BETA_BUILD), betaHead.findElement(By.cssSelector("a.install")).getDomAttribute("href"));
            assertTrue(betaHead.getLocation().getY() < driver.findElement(By.cssSelector("[data-history]")).getLocation().getY());
            screenshots(driver, "guards-laptop-app");

            WebElement search = driver.findElement(By.cssSelector("[data-search-input]"));
            search.sendKeys("3.4.2 (1054)");
            await(driver, d -> shownVersions(d).equals(List.of("3.4.2")));
            WebElement status = driver.findElement(By.cssSelector("[data-search-status]"));
            assertEquals("1 release matches “3.4.2 (1054)”.", status.getText());
            assertEquals("polite", status.getDomAttribute("aria-live"));
            assertTrue(driver.getCurrentUrl().contains("?q=3.4.2+%281054%29"), driver.getCurrentUrl());
            screenshots(driver, "guards-laptop-search");

            // A shared search: the query comes from the URL.
            driver.get(server.base().resolve(FIELD_PAGE + "?q=signature+pad").toString());
            await(driver, d -> shownVersions(d).equals(List.of("3.4.2")));
            assertEquals("signature pad", driver.findElement(By.cssSelector("[data-search-input]")).getDomProperty("value"));

            driver.get(server.base().resolve(FIELD_PAGE + "?q=1054").toString());
            await(driver, d -> shownVersions(d).equals(List.of("3.4.2")));

            // Opened from disk, the index cannot be fetched: the page searches what it holds, and says so.
            driver.get(siteOut.resolve(FIELD_PAGE + "index.html").toUri().toString());
            driver.findElement(By.cssSelector("[data-search-input]")).sendKeys("3.6.0");
            try {
                await(driver, d -> shownVersions(d).equals(List.of("3.6.0", "3.6.0", "3.6.0", "3.6.0")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(shownVersions(driver) + " / " + driver.findElement(By.cssSelector("[data-search-status]")).getText()
                        + " / " + driver.getCurrentUrl(), e);
            }
            assertTrue(driver.findElement(By.cssSelector("[data-search-status]")).getText()
                    .contains("Only the releases on this page were searched"));

            open(driver, FIELD_PAGE + "history/1/");
            assertEquals(50, driver.findElements(By.cssSelector("[data-history] .row")).size());
            assertTrue(driver.findElement(By.cssSelector("a[rel=next]")).getDomAttribute("href").endsWith("history/2/"));
            screenshots(driver, "guards-laptop-history-1");
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    /** The home page searches every app's whole history, names each result's app, and keeps the query in the URL. */
    @Test
    void homeSearchesEveryApp() throws IOException {
        ChromeDriver driver = Chromium.start(phone(390, 844, Chromium.IPHONE_UA), dir);
        try {
            open(driver, "");
            WebElement search = driver.findElement(By.cssSelector("[data-search-input]"));
            assertTrue(search.isDisplayed(), "with JavaScript the search shows");
            search.sendKeys("3.4.2 (1054)");
            await(driver, d -> resultTitles(d).equals(List.of("Field 3.4.2 (1054)")));
            assertEquals("1 release matches “3.4.2 (1054)”.", driver.findElement(By.cssSelector("[data-search-status]")).getText());
            assertFalse(driver.findElement(By.cssSelector("[data-cards]")).isDisplayed(), "results take the cards' place");
            assertEquals("field/" + PortalSite.SEARCHED_BUILD + "/",
                    driver.findElement(By.cssSelector("[data-results] a")).getDomAttribute("href"));
            assertTrue(driver.getCurrentUrl().contains("?q=3.4.2+%281054%29"), driver.getCurrentUrl());
            screenshots(driver, "guards-iphone-home-search");

            // Words from another app's notes, in a link shared with the query.
            driver.get(server.base().resolve("?q=receipts").toString());
            await(driver, d -> resultTitles(d).equals(List.of("Expenses 2.0.0 (200)")));
            WebElement input = driver.findElement(By.cssSelector("[data-search-input]"));
            input.clear();
            input.sendKeys(" ");
            await(driver, d -> d.findElement(By.cssSelector("[data-cards]")).isDisplayed());
            assertTrue(driver.findElement(By.cssSelector("[data-results]")).getDomAttribute("hidden") != null);
            assertNoConsoleErrors(driver);
        } finally {
            driver.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> resultTitles(ChromeDriver driver) {
        return (List<String>) driver.executeScript("var r = document.querySelector('[data-results]');"
                + "return r.hidden ? [] : Array.prototype.map.call(r.querySelectorAll('.row-title'), function (a) { return a.textContent; });");
    }

    /** Every page kind, light and dark: 0 violations. */
    @Test
    void accessibility() throws IOException {
        assumeTrue(Files.isReadable(Chromium.AXE), "axe-core is not installed (npm ci --prefix .ci/npm, as .ci/run does): skipped");
        ChromeDriver driver = Chromium.start(phone(390, 844, Chromium.IPHONE_UA), dir);
        try {
            List<String> failures = new ArrayList<>();
            for (String page : List.of("", "?q=field", FIELD_PAGE, FIELD_PAGE + "?q=3.4.2", FIELD_PAGE + "history/1/", "field/" + PortalSite.NEWEST_STABLE_BUILD + "/",
                    "field/" + PortalSite.AD_HOC_BUILD + "/", "field/" + PortalSite.EXPIRED_BUILD + "/", "expenses/2.0.0/")) {
                for (String scheme : List.of("light", "dark")) {
                    open(driver, page);
                    if (page.contains("?q=")) await(driver, d -> !resultTitles(d).isEmpty());
                    Chromium.colorScheme(driver, scheme);
                    for (String v : Chromium.axeViolations(driver)) failures.add(page + " (" + scheme + "): " + v);
                }
            }
            assertEquals(List.of(), failures);
        } finally {
            driver.quit();
        }
    }

    private void open(ChromeDriver driver, String sitePath) {
        driver.get(server.base().resolve(sitePath).toString());
    }
}
