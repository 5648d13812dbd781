package dev.otapress.hostile;

import dev.otapress.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Release titles and notes come from many authors and are shown to every employee: nothing in
 * them may turn into script, event handlers, dangerous links or external resources.
 */
class HostileContentTest {
    @TempDir
    Path dir;

    private static final String TITLE = "<script>alert(1)</script>";
    private static final String NOTES = String.join("\n",
            "Raw: <script>alert(2)</script>",
            "",
            "<img src=x onerror=alert(3)>",
            "",
            "<a href=\"javascript:alert(4)\" onclick=\"alert(5)\">raw link</a>",
            "",
            "* [a](javascript:alert(6))",
            "* [b](JaVaScRiPt:alert(7))",
            "* [c](data:text/html,<script>alert(8)</script>)",
            "* [d](vbscript:msgbox(9))",
            "* [e](  javascript:alert(10))",
            "* [f](java&#x09;script:alert(11))",
            "* [g](&#106;avascript:alert(12))",
            "* <javascript:alert(13)>",
            "* ![img](javascript:alert(14))",
            "* ![remote](https://evil.example/pixel.png)",
            "* [ok](https://example.com/docs) [mail](mailto:team@example.com) [rel](screenshot.png)",
            "* https://example.com/autolink and www.example.com",
            "",
            "<svg onload=alert(15)></svg>",
            "");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "itms-services");

    private TestSite site(String extraYaml) throws IOException {
        TestSite site = TestSite.at(dir.resolve("site"))
                .siteYaml("title: \"<script>alert(0)</script> Portal\"\nbase_url: https://apps.example.com/ios/\n" + extraYaml);
        site.release("app/1.0", "App.ipa", HostileInputTest.goodIpa("App", "com.example.app"));
        site.notes("app/1.0", "---\ntitle: \"" + TITLE + "\"\n---\n" + NOTES);
        HostileInputTest.Outcome o = HostileInputTest.build(site.root());
        assertEquals(0, o.code(), o.err());
        return site;
    }

    private static List<Path> pages(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            List<Path> pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertTrue(pages.size() >= 2, pages.toString());
            return pages;
        }
    }

    @Test
    void hostileTitlesAndNotesBecomeText() throws IOException {
        TestSite site = site("");
        for (Path page : pages(site.out())) {
            Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
            String where = site.out().relativize(page).toString();

            List<Element> scripts = doc.select("script");
            assertEquals(1, scripts.size(), where + ": " + scripts);
            assertTrue(scripts.get(0).attr("src").endsWith("assets/app.js"), where + ": " + scripts);
            assertEquals("", scripts.get(0).data(), where);
            // The one SVG is the QR code the build draws; none comes from the notes.
            assertTrue(doc.select("svg:not(svg.qr), iframe, object, embed").isEmpty(), where);
            assertTrue(doc.select("svg.qr script, svg.qr foreignObject").isEmpty(), where);

            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), where + ": " + e);
                    String v = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                    assertFalse(v.startsWith("javascript:") || v.startsWith("data:") || v.startsWith("vbscript:"),
                            where + ": " + e);
                }
            }
            for (Element a : doc.select("a[href]")) {
                String href = a.attr("href");
                String scheme = URI.create(href.replace(" ", "%20")).getScheme();
                assertTrue(scheme == null || LINK_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)), where + ": " + a);
            }
            // Nothing is loaded from elsewhere: scripts, styles and images are the portal's own files.
            for (Element r : doc.select("script[src], link[rel~=(?i)stylesheet|icon|preload|manifest], img[src]")) {
                String url = r.hasAttr("src") ? r.attr("src") : r.attr("href");
                assertFalse(url.contains(":") || url.startsWith("//"), where + ": external resource " + r);
            }
            Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
            assertNotNull(csp, where + " has a CSP");
            assertTrue(csp.attr("content").contains("script-src 'self'"), csp.attr("content"));
        }
        Document release = Jsoup.parse(Files.readString(site.out().resolve("app/1.0/index.html"), StandardCharsets.UTF_8));
        assertTrue(release.text().contains(TITLE), "the title is shown as text");
        assertTrue(release.text().contains("<img src=x onerror=alert(3)>"), "raw HTML in notes is shown as text");
        assertNotNull(release.selectFirst("a[href=https://example.com/docs]"));
        assertNotNull(release.selectFirst("a[href=mailto:team@example.com]"));
        assertNotNull(release.selectFirst("a[href=screenshot.png]"));
        assertNotNull(release.selectFirst("a[href=https://example.com/autolink]"));
    }

    @Test
    void unsafeHtmlLetsRawHtmlThroughOnlyWhenAsked() throws IOException {
        TestSite site = site("markdown:\n  unsafe_html: true\n");
        Document release = Jsoup.parse(Files.readString(site.out().resolve("app/1.0/index.html"), StandardCharsets.UTF_8));
        assertNotNull(release.selectFirst("img[onerror]"), "raw HTML passes with unsafe_html: true");
        assertTrue(release.select("script").stream().anyMatch(s -> s.data().contains("alert(2)")));
        // The title is not Markdown: it stays text even then.
        assertTrue(release.select("script").stream().noneMatch(s -> s.data().contains("alert(1)")));
    }
}
