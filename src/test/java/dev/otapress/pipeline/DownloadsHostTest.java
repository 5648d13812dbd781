package dev.otapress.pipeline;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code downloads_base_url}: the binaries on their own host, every page and manifest pointing there. */
class DownloadsHostTest {
    private static final String BASE = "https://apps.example.com/ios/";
    private static final String DOWNLOADS = "https://dl.example.net/builds/";

    @TempDir
    Path dir;

    private TestSite site(String yaml) throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml(yaml);
        site.release("releases/1.0 beta", "My App.ipa", TestIpa.app("RnD", "com.example.rnd").version("1.0", "1").enterpriseSigned());
        return site;
    }

    private static int build(TestSite site, StringWriter err) {
        return Main.run(new String[] {"build", "--site", site.root().toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void manifestListingAndPagesPointTheBinariesAtTheDownloadHost() throws Exception {
        TestSite site = site("title: T\nbase_url: " + BASE + "\ndownloads_base_url: " + DOWNLOADS + "\n");
        StringWriter err = new StringWriter();
        assertEquals(0, build(site, err), err.toString());

        NSDictionary root = (NSDictionary) PropertyListParser.parse(site.out().resolve("releases/1.0 beta/manifest.plist").toFile());
        NSArray assets = (NSArray) ((NSDictionary) ((NSArray) root.get("items")).objectAtIndex(0)).get("assets");
        Map<String, String> urls = new HashMap<>();
        for (int i = 0; i < assets.count(); i++) {
            NSDictionary a = (NSDictionary) assets.objectAtIndex(i);
            urls.put(a.get("kind").toJavaObject().toString(), a.get("url").toJavaObject().toString());
        }
        assertEquals(DOWNLOADS + "releases/1.0%20beta/My%20App.ipa", urls.get("software-package"));
        assertEquals(DOWNLOADS + "releases/1.0%20beta/icon-57.png", urls.get("display-image"));
        assertEquals(DOWNLOADS + "releases/1.0%20beta/icon-512.png", urls.get("full-size-image"));

        JsonNode release = new ObjectMapper().readTree(site.out().resolve("releases.json").toFile()).findValue("releases").get(0);
        String listing = release.toString();
        assertTrue(listing.contains(DOWNLOADS + "releases/1.0%20beta/My%20App.ipa"), listing);
        assertTrue(listing.contains(BASE + "releases/1.0%20beta/manifest.plist"), "the manifest stays on the portal host: " + listing);

        Document page = Jsoup.parse(site.out().resolve("releases/1.0 beta/index.html").toFile());
        assertTrue(page.select("a[href]").eachAttr("href").contains(DOWNLOADS + "releases/1.0%20beta/My%20App.ipa"),
                page.select("a[href]").eachAttr("href").toString());
        assertTrue(page.select("img[src]").eachAttr("src").contains(DOWNLOADS + "releases/1.0%20beta/icon-120.png"),
                page.select("img[src]").eachAttr("src").toString());
        String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.contains("img-src 'self' data: https://dl.example.net;"), csp);
        assertTrue(Files.readString(site.out().resolve("_headers")).contains("img-src 'self' data: https://dl.example.net;"));
        assertTrue(Files.readString(site.root().resolve("server-config/nginx.conf")).contains("img-src 'self' data: https://dl.example.net;"));
    }

    @Test
    void withoutADownloadHostBinariesAreLinkedRelativelyAndImagesStaySelf() throws Exception {
        TestSite site = site("title: T\nbase_url: " + BASE + "\n");
        StringWriter err = new StringWriter();
        assertEquals(0, build(site, err), err.toString());
        Document page = Jsoup.parse(site.out().resolve("releases/1.0 beta/index.html").toFile());
        assertTrue(page.select("a[href]").eachAttr("href").contains("../../releases/1.0%20beta/My%20App.ipa"), page.select("a[href]").eachAttr("href").toString());
        assertTrue(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").contains("img-src 'self' data:;"));
    }

    @Test
    void aDownloadHostOverPlainHttpIsRefusedWithTheLine() throws Exception {
        TestSite site = site("title: T\nbase_url: " + BASE + "\ndownloads_base_url: http://dl.example.net/\n");
        StringWriter err = new StringWriter();
        assertEquals(1, build(site, err));
        assertTrue(err.toString().contains("site.yaml:3: error: 'downloads_base_url' must start with https://"), err.toString());
    }
}
