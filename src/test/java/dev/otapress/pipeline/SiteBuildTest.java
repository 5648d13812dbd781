package dev.otapress.pipeline;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole builds, checked the way a browser, iOS and a web server would read the result. */
class SiteBuildTest {
    private static final String BASE = "https://intranet.example.com/mobile/ios/";

    @TempDir
    Path dir;

    private static TestIpa app(String version, String build) {
        return TestIpa.app("RnD", "com.example.rnd").version(version, build).enterpriseSigned();
    }

    private TestSite hostileSite() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml("title: R&D <Portal>\nbase_url: " + BASE.replace("ios/", "ios") + "\n");
        site.release("releases/2.0 beta & more #1", "R&D App (β).ipa", app("2.0", "200"));
        site.notes("releases/2.0 beta & more #1", "---\ntitle: <script>alert('t')</script>\nchannel: beta\n---\n"
                + "Hi <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>\n");
        site.release("releases/100% +fast", "a+b%20c.ipa", app("1.10.0", "110"));
        site.release("releases/1.9", "RnD.ipa", app("1.9.0", "190"));
        return site;
    }

    private static int build(Path siteDir, StringWriter err) {
        return Main.run(new String[] {"build", "--site", siteDir.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void everyInstallLinkLeadsToItsManifestAndToTheRightIpa() throws Exception {
        TestSite site = hostileSite();
        StringWriter err = new StringWriter();
        assertEquals(0, build(site.root(), err), err.toString());
        Path out = site.out();
        List<Path> pages;
        try (var walk = Files.walk(out)) {
            pages = walk.filter(p -> p.getFileName().toString().equals("index.html")).toList();
        }
        int links = 0;
        for (Path page : pages) {
            String raw = Files.readString(page);
            assertFalse(raw.contains("&amp;amp;"), page + " escapes the install link twice");
            Document doc = Jsoup.parse(raw, pageUrl(out, page));
            for (Element a : doc.select("a[href^=itms-services:]")) {
                links++;
                String href = a.attr("href"); // as the browser hands it to iOS: entities decoded
                assertTrue(href.startsWith("itms-services://?action=download-manifest&url="), href);
                String manifestUrl = percentDecodeOnce(href.substring(href.indexOf("&url=") + 5));
                Path manifest = fileFor(out, manifestUrl);
                assertTrue(Files.isRegularFile(manifest), manifestUrl + " -> " + manifest);
                NSDictionary root = (NSDictionary) PropertyListParser.parse(manifest.toFile());
                NSDictionary item = (NSDictionary) ((NSArray) root.get("items")).objectAtIndex(0);
                NSDictionary meta = (NSDictionary) item.get("metadata");
                assertEquals("com.example.rnd", meta.get("bundle-identifier").toJavaObject());
                NSDictionary pkg = (NSDictionary) ((NSArray) item.get("assets")).objectAtIndex(0);
                assertEquals("software-package", pkg.get("kind").toJavaObject());
                Path ipa = fileFor(out, (String) pkg.get("url").toJavaObject());
                String version = (String) meta.get("bundle-version").toJavaObject();
                Path source = switch (version) {
                    case "2.0" -> site.root().resolve("content/releases/2.0 beta & more #1/R&D App (β).ipa");
                    case "1.10.0" -> site.root().resolve("content/releases/100% +fast/a+b%20c.ipa");
                    default -> site.root().resolve("content/releases/1.9/RnD.ipa");
                };
                assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(ipa), version);
                for (int i = 1; i < ((NSArray) item.get("assets")).count(); i++) {
                    NSDictionary icon = (NSDictionary) ((NSArray) item.get("assets")).objectAtIndex(i);
                    assertTrue(Files.isRegularFile(fileFor(out, (String) icon.get("url").toJavaObject())));
                }
            }
            assertTrue(doc.select("script").stream().allMatch(s -> s.attr("src").endsWith("assets/app.js")), page.toString());
            assertTrue(doc.select("[onerror]").isEmpty(), page.toString());
            assertTrue(doc.select("a[href^=javascript]").isEmpty(), page.toString());
        }
        assertTrue(links >= 6, "install links found: " + links);
        String release = Files.readString(out.resolve("releases/2.0 beta & more #1/index.html"));
        assertTrue(release.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"), "the title shows as text");
    }

    /** The page's own https URL, so Jsoup resolves its relative links as the browser would. */
    private static String pageUrl(Path out, Path page) {
        StringBuilder url = new StringBuilder(BASE);
        for (Path part : out.relativize(page)) url.append(dev.otapress.render.Urls.encodeSegment(part.toString())).append('/');
        return url.substring(0, url.length() - 1);
    }

    /** Where a server with public/ at the base URL's path finds the file for a URL. */
    private static Path fileFor(Path out, String url) {
        URI uri = URI.create(url);
        assertEquals("https", uri.getScheme(), url);
        assertEquals("intranet.example.com", uri.getHost(), url);
        String path = uri.getRawPath();
        assertTrue(path.startsWith("/mobile/ios/"), url);
        Path file = out;
        for (String segment : path.substring("/mobile/ios/".length()).split("/")) file = file.resolve(percentDecodeOnce(segment));
        return file;
    }

    /** RFC 3986 decoding: %XX only, '+' stays '+', as iOS decodes the url parameter. */
    static String percentDecodeOnce(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void randomNamesAllGiveWorkingLinks() throws Exception {
        Random random = new Random(20261121);
        String alphabet = "aZ09 &#%+?=;:,'\"()[]{}!@$^~`|<>βéü中😀-_.";
        TestSite site = TestSite.at(dir.resolve("random")).defaultSiteYaml();
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            StringBuilder name = new StringBuilder();
            int len = 1 + random.nextInt(12);
            while (name.length() < len) name.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            String folder = "r" + i + " " + name.toString().strip();
            folders.add(folder);
            site.release(folder, name.toString().replace('/', '_').strip() + i + ".ipa",
                    TestIpa.app("App", "com.example.random").version("1." + i, String.valueOf(i)).enterpriseSigned());
        }
        StringWriter err = new StringWriter();
        assertEquals(0, build(site.root(), err), err.toString());
        String json = Files.readString(site.out().resolve("releases.json"));
        var listing = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        int seen = 0;
        for (var release : listing.get("apps").get(0).get("releases")) {
            String install = release.get("installUrl").asText();
            String manifestUrl = percentDecodeOnce(install.substring(install.indexOf("&url=") + 5));
            assertEquals(release.get("manifestUrl").asText(), manifestUrl);
            String ipaUrl = release.get("ipaUrl").asText();
            URI ipaUri = URI.create(ipaUrl); // throws if anything was left unencoded
            assertEquals("apps.example.com", ipaUri.getHost());
            Path file = site.out();
            for (String segment : ipaUri.getRawPath().substring("/ios/".length()).split("/")) file = file.resolve(percentDecodeOnce(segment));
            assertTrue(Files.isRegularFile(file), ipaUrl);
            seen++;
        }
        assertEquals(folders.size(), seen);
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() throws Exception {
        TestSite site = hostileSite();
        SiteBuilder builder = new SiteBuilder(java.time.Clock.fixed(java.time.Instant.parse("2026-11-21T00:00:00Z"), java.time.ZoneOffset.UTC));
        builder.build(new BuildRequest(site.root(), dir.resolve("a"), dir.resolve("ca"), null, false));
        builder.build(new BuildRequest(site.root(), dir.resolve("b"), dir.resolve("cb"), null, false));
        Map<String, String> a = TreeSnapshot.of(dir.resolve("a"));
        assertTrue(a.size() > 15, a.keySet().toString());
        assertEquals(a, TreeSnapshot.of(dir.resolve("b")));
        assertEquals(TreeSnapshot.of(dir.resolve("ca")), TreeSnapshot.of(dir.resolve("cb")));
    }

    @Test
    void badInputExitsOneNamesTheFileAndLeavesThePreviousOutputAlone() throws Exception {
        TestSite site = TestSite.at(dir.resolve("bad")).defaultSiteYaml();
        site.release("1.0", "App.ipa", app("1.0", "1"));
        StringWriter err = new StringWriter();
        assertEquals(0, build(site.root(), err), err.toString());
        Map<String, String> before = TreeSnapshot.of(site.out());

        Files.write(site.root().resolve("content/1.0/App.ipa"), new byte[] {9, 8, 7, 6, 5, 4, 3});
        site.release("2.0", "Empty.ipa", TestIpa.app("X", "com.x").version("2.0", "2").wrappedIn("Build"));
        site.release("3.0", "A.ipa", app("3.0", "3"));
        site.release("3.0 again", "A.ipa", app("3.0", "3"));
        site.siteYaml("title: T\nbase_url: http://apps.example.com/\nthem: x\n");
        err = new StringWriter();
        assertEquals(1, build(site.root(), err));
        String msg = err.toString();
        assertTrue(msg.contains("content/1.0/App.ipa: error: not a readable zip archive"), msg);
        assertTrue(msg.contains("content/2.0/Empty.ipa: error: Payload/ is inside the folder"), msg);
        assertTrue(msg.contains("is the same build as"), msg);
        assertTrue(msg.contains("site.yaml:2: error: 'base_url' must start with https://"), msg);
        assertTrue(msg.contains("site.yaml:3: error: unknown key 'them'; did you mean 'theme'?"), msg);
        assertTrue(msg.contains("left as it was"), msg);
        assertEquals(before, TreeSnapshot.of(site.out()));
        try (var siblings = Files.list(site.root())) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".otapress-new")), "no temporary folder is left");
        }
    }

    @Test
    void invalidYamlExitsOne() throws Exception {
        TestSite site = TestSite.at(dir.resolve("yaml")).siteYaml("title: [oops\n");
        StringWriter err = new StringWriter();
        assertEquals(1, build(site.root(), err));
        assertTrue(err.toString().contains("site.yaml:"), err.toString());
        assertFalse(Files.exists(site.out()));
    }

    @Test
    void anAppStoreOrExpiredBuildIsRefused() throws Exception {
        TestSite site = TestSite.at(dir.resolve("guards")).defaultSiteYaml();
        site.release("store", "S.ipa", TestIpa.app("S", "com.s").version("1.0", "1")
                .embeddedProfile(dev.otapress.testing.TestProfiles.appStore("Store").cms()));
        site.release("old", "O.ipa", TestIpa.app("O", "com.o").version("1.0", "1")
                .embeddedProfile(dev.otapress.testing.TestProfiles.enterprise("Old")
                        .dates(java.time.Instant.parse("2020-01-01T00:00:00Z"), java.time.Instant.parse("2021-01-01T00:00:00Z")).cms()));
        StringWriter err = new StringWriter();
        assertEquals(1, build(site.root(), err));
        assertTrue(err.toString().contains("store/S.ipa: error: is signed for the App Store"), err.toString());
        assertTrue(err.toString().contains("old/O.ipa: error: has a provisioning profile that expired on 1 Jan 2021"), err.toString());

        site.siteYaml("title: T\nbase_url: https://a.example/\nchecks:\n  app_store_build: false\n  expired_profile: false\n");
        err = new StringWriter();
        assertEquals(0, build(site.root(), err), err.toString());
    }

    @Test
    void draftsAreSkippedUnlessAskedFor() throws Exception {
        TestSite site = TestSite.at(dir.resolve("drafts")).defaultSiteYaml();
        site.release("1.0", "A.ipa", app("1.0", "1"));
        site.release("1.1", "A.ipa", app("1.1", "2"));
        site.notes("1.1", "---\ndraft: true\n---\nnot yet");
        assertEquals(0, build(site.root(), new StringWriter()));
        assertFalse(Files.exists(site.out().resolve("1.1/index.html")));
        assertEquals(0, Main.run(new String[] {"build", "--site", site.root().toString(), "--drafts"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertTrue(Files.exists(site.out().resolve("1.1/index.html")));
    }

    @Test
    void theHistoryIsNewestFirstByVersionNumbers() throws Exception {
        TestSite site = TestSite.at(dir.resolve("order")).defaultSiteYaml();
        for (String v : new String[] {"1.9.0", "1.10.0", "1.2.0", "1.10.1"}) site.release(v, "A.ipa", app(v, v.replace(".", "")));
        assertEquals(0, build(site.root(), new StringWriter()));
        Document home = Jsoup.parse(site.out().resolve("index.html").toFile());
        List<String> versions = home.select("[data-history] .row-title").eachText();
        assertEquals(List.of("1.10.1 (1101) release notes", "1.10.0 (1100) release notes", "1.9.0 (190) release notes",
                "1.2.0 (120) release notes"), versions);
    }

    @Test
    void frontMatterThatContradictsTheIpaIsAnError() throws Exception {
        TestSite site = TestSite.at(dir.resolve("contradict")).defaultSiteYaml();
        site.release("1.0", "A.ipa", app("1.0", "1"));
        site.notes("1.0", "---\nversion: 1.1\n---\n");
        StringWriter err = new StringWriter();
        assertEquals(1, build(site.root(), err));
        assertTrue(err.toString().contains("says version 1.1 but A.ipa is version 1.0"), err.toString());
    }

    @Test
    void theManifestEscapesTheTitleAndTheIconsAreStandardPngs() throws Exception {
        TestSite site = TestSite.at(dir.resolve("manifest")).defaultSiteYaml();
        site.release("1.0", "A.ipa", app("1.0", "1").put("CFBundleDisplayName", "R&D <Tools>")
                .iconFiles("AppIcon60x60")
                .icon("AppIcon60x60@2x.png", dev.otapress.testing.TestPng.solidCgbi(120, 0x80FF0000)));
        StringWriter err = new StringWriter();
        assertEquals(0, build(site.root(), err), err.toString());
        String xml = Files.readString(site.out().resolve("1.0/manifest.plist"));
        assertTrue(xml.contains("<string>R&amp;D &lt;Tools&gt;</string>"), xml);
        NSDictionary root = (NSDictionary) PropertyListParser.parse(site.out().resolve("1.0/manifest.plist").toFile());
        NSDictionary item = (NSDictionary) ((NSArray) root.get("items")).objectAtIndex(0);
        assertEquals("R&D <Tools>", ((NSDictionary) item.get("metadata")).get("title").toJavaObject());
        NSArray assets = (NSArray) item.get("assets");
        assertEquals(List.of("software-package", "display-image", "full-size-image"), java.util.stream.IntStream.range(0, assets.count())
                .mapToObj(i -> ((NSDictionary) assets.objectAtIndex(i)).get("kind").toJavaObject()).toList());
        assertFalse(xml.contains("needs-shine"));
        for (int size : new int[] {57, 512}) {
            byte[] png = Files.readAllBytes(site.out().resolve("1.0/icon-" + size + ".png"));
            assertFalse(new String(png, StandardCharsets.ISO_8859_1).contains("CgBI"), "icon-" + size + " is standard");
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertEquals(size, image.getWidth());
            assertEquals(size, image.getHeight());
            int argb = image.getRGB(size / 2, size / 2);
            assertEquals(0x80, argb >>> 24, "alpha kept");
            assertTrue((argb >> 16 & 0xFF) > 0xF0, "red un-premultiplied: " + Integer.toHexString(argb));
        }
    }

    @Test
    void neverReplacesAFolderItDidNotWrite() throws Exception {
        TestSite site = TestSite.at(dir.resolve("guard")).defaultSiteYaml();
        site.release("1.0", "A.ipa", app("1.0", "1"));
        Path precious = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(precious.resolve("thesis.txt"), "years of work");
        for (String out : new String[] {precious.toString(), site.root().toString(), site.root().resolve("content/x").toString(),
                dir.toString()}) {
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"build", "--site", site.root().toString(), "--out", out},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(1, code, out + ": " + err);
            assertTrue(err.toString().contains("not written by otapress") || err.toString().contains("cannot be an output folder"),
                    err.toString());
        }
        assertEquals("years of work", Files.readString(precious.resolve("thesis.txt")));
        assertTrue(Files.exists(site.root().resolve("site.yaml")));
        assertEquals(0, Main.run(new String[] {"build", "--site", site.root().toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertEquals(0, Main.run(new String[] {"build", "--site", site.root().toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), "its own output is replaced");
    }

    @Test
    void usageErrorsExitTwo() {
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new String[] {"build", "--no-such-option"}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }
}
