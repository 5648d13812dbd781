package dev.otapress.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import dev.otapress.browser.Chromium;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens every active file an author put beside a release, served by each real server with
 * otapress's configuration, in a real headless Chromium, and checks that none ran script on the
 * portal's origin, while the images the notes show still display. The same files served by a stock
 * nginx without otapress's rules do run, which shows that the probe sees script when it runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InertSideFilesBrowserTest {
    /** Held so the level sticks: Selenium's missing CDP bindings for this Chromium do not matter here. */
    private final Logger cdpVersionLog = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private Path dir;
    private TestCertificate cert;
    private ChromeDriver driver;

    @BeforeAll
    void startBrowser(@TempDir Path dir) throws Exception {
        this.dir = dir;
        cdpVersionLog.setLevel(Level.SEVERE);
        Chromium.assumeInstalled();
        cert = TestCertificate.create(dir.resolve("tls"));
        ChromeOptions options = Chromium.options();
        options.addArguments("--ignore-certificate-errors");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", Files.createDirectories(dir.resolve("downloads")).toString(),
                "download.prompt_for_download", false));
        driver = Chromium.start(options, dir);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @ParameterizedTest
    @EnumSource(value = RealServer.Setup.class, names = {"NGINX", "APACHE_CONF", "APACHE_HTACCESS", "CADDY"})
    void authorFilesRunNoScriptAndImagesStillShow(RealServer.Setup setup) throws Exception {
        try (RealServer server = RealServer.start(setup, dir.resolve(setup.name()), cert)) {
            URI folder = server.baseUrl().resolve(TestPortal.SIDE_FOLDER + "/");
            List<String> ran = openEveryActiveFile(folder);
            assertEquals(List.of(), ran, setup + ": these author files ran script on the portal's origin\n" + server.log());

            driver.get(folder.toString());
            // The portal's own script still runs on its pages, under the pages' policy.
            assertEquals("device-other", driver.executeScript("return document.documentElement.className;"), setup.toString());
            for (String image : TestPortal.IMAGES) {
                WebElement img = driver.findElement(By.cssSelector("img[src='" + image + "']"));
                Object width = driver.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1;", img);
                assertTrue(width instanceof Number n && n.intValue() > 0, setup + ": " + image + " does not display (" + width + ")");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theProbeSeesScriptWhereNoRulesApply() throws Exception {
        try (RealServer server = RealServer.start(RealServer.Setup.NGINX_STOCK, dir.resolve("stock"), cert)) {
            List<String> ran = openEveryActiveFile(server.baseUrl().resolve(TestPortal.SIDE_FOLDER + "/"));
            assertTrue(ran.containsAll(List.of("notes.html", "notes.js", "page.htm", "image.svg", "data.xml")),
                    "stock nginx serves these as documents, so their script runs: " + ran);
        }
    }

    /** Opens each file as a visitor following a link would, then reads the marks left under the origin. */
    private List<String> openEveryActiveFile(URI folder) {
        driver.get(folder.toString());
        driver.executeScript("localStorage.clear();");
        for (String name : TestPortal.ACTIVE_SIDE_FILES.keySet()) {
            try {
                driver.get(folder.resolve(name).toString());
            } catch (WebDriverException download) {
                // A file sent as an attachment becomes a download; the navigation then ends without a page.
            }
        }
        // Each script runs while its document loads, before get() returns; the marks are read from a
        // generated page of the same origin (executeScript is not bound by the page's policy; the
        // inert policy gives other files an opaque origin, which has no storage to read).
        driver.get(folder.toString());
        List<String> ran = new ArrayList<>();
        for (String name : TestPortal.ACTIVE_SIDE_FILES.keySet()) {
            Object mark = driver.executeScript("return localStorage.getItem(arguments[0]);", "ran:" + name);
            if ("yes".equals(mark)) ran.add(name);
        }
        return ran;
    }
}
