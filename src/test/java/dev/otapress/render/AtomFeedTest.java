package dev.otapress.render;

import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.HistorySite;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomFeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    static Path dir;
    static TestSite site;

    @BeforeAll
    static void build() throws Exception {
        site = HistorySite.write(dir.resolve("site"), true);
        new SiteBuilder().build(BuildRequest.of(site.root()));
    }

    @Test
    void siteFeedListsEveryReleaseOfEveryAppNewestFirst() throws Exception {
        Document feed = parse(site.out().resolve("feed.xml"));
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertEquals(HistorySite.BASE_URL + "feed.xml", child(root, "id").getTextContent());
        // The newest release's date, not the build's time: the feed is the same on every build.
        assertEquals("2026-11-10T00:00:00Z", child(root, "updated").getTextContent());
        assertEquals(List.of("2026-11-10T00:00:00Z", "2026-11-05T00:00:00Z", "2026-11-01T00:00:00Z",
                "2026-10-15T00:00:00Z", "2026-10-01T00:00:00Z"), entryTexts(root, "updated"));
        assertEquals(List.of(
                HistorySite.BASE_URL + "field/1.3%20beta%20%26%20more/",
                HistorySite.BASE_URL + "expenses/2.0.0/",
                HistorySite.BASE_URL + "field/1.2.0/",
                HistorySite.BASE_URL + "field/1.1.0/",
                HistorySite.BASE_URL + "field/1.0.0/"), entryLinks(root));
        assertEquals(entryLinks(root), entryTexts(root, "id"), "an entry's id is its page's URL");
        assertNotNull(child(child(root, "author"), "name"));
    }

    @Test
    void notesAreHtmlContentEscapedOnce() throws Exception {
        Element first = entries(parse(site.out().resolve("feed.xml")).getDocumentElement()).get(0);
        Element content = child(first, "content");
        assertEquals("html", content.getAttribute("type"));
        String html = content.getTextContent();
        // The parser undoes the XML escaping exactly once: what is left is the notes' own HTML.
        assertTrue(html.contains("<strong>route planning</strong>"), html);
        assertTrue(html.contains("&lt;jobs&gt; &amp; more"), html);
        assertTrue(html.contains("href=\"shot.png\""), html);
        assertEquals(HistorySite.BASE_URL + "field/1.3%20beta%20%26%20more/",
                content.getAttributeNS("http://www.w3.org/XML/1998/namespace", "base"));
        assertTrue(child(first, "title").getTextContent().contains("1.3.0 (130)"), child(first, "title").getTextContent());
    }

    @Test
    void appFeedHoldsOnlyThatApp() throws Exception {
        Element root = parse(site.out().resolve("apps/" + HistorySite.BUNDLE_ID + "/feed.xml")).getDocumentElement();
        assertEquals(HistorySite.FIELD.stream().map(e -> HistorySite.BASE_URL + Urls.encodePath(e.folder()) + "/").toList(),
                entryLinks(root));
        assertEquals(HistorySite.BASE_URL + "apps/" + HistorySite.BUNDLE_ID + "/", link(root, "alternate"));
        assertEquals(HistorySite.BASE_URL + "apps/" + HistorySite.BUNDLE_ID + "/feed.xml", link(root, "self"));
    }

    @Test
    void pagesAdvertiseTheirFeeds() throws Exception {
        String release = Files.readString(site.out().resolve("field/1.2.0/index.html"));
        assertTrue(release.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../../feed.xml\""), release);
        assertTrue(release.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../../apps/com.acme.field/feed.xml\""), release);
        String home = Files.readString(site.out().resolve("index.html"));
        assertTrue(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\""), home);
    }

    @Test
    void twoBuildsGiveTheSameFeed(@TempDir Path other) throws Exception {
        TestSite again = HistorySite.write(other.resolve("site"), true);
        new SiteBuilder().build(BuildRequest.of(again.root()));
        assertArrayEquals(Files.readAllBytes(site.out().resolve("feed.xml")), Files.readAllBytes(again.out().resolve("feed.xml")));
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> entries(Element feed) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    private static List<String> entryTexts(Element feed, String name) {
        return entries(feed).stream().map(e -> child(e, name).getTextContent()).toList();
    }

    private static List<String> entryLinks(Element feed) {
        return entries(feed).stream().map(e -> link(e, "alternate")).toList();
    }

    private static String link(Element parent, String rel) {
        for (Element e : children(parent, "link")) if (e.getAttribute("rel").equals(rel)) return e.getAttribute("href");
        throw new AssertionError("no link rel=" + rel);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.isEmpty()) throw new AssertionError("no " + name + " in " + parent.getLocalName());
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) out.add(e);
        }
        return out;
    }
}
