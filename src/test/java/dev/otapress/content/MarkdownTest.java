package dev.otapress.content;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownTest {
    private final Markdown safe = new Markdown(false);

    @Test
    void rawHtmlIsShownAsText() {
        String html = safe.toHtml("Hi <script>alert(1)</script> <img src=x onerror=alert(2)>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void dangerousLinkSchemesAreDropped() {
        for (String url : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x",
                "java&#09;script:alert(1)", " javascript:alert(1)"}) {
            String html = safe.toHtml("[x](" + url.replace(" ", "%20").replace("%20javascript", " javascript") + ")");
            assertFalse(html.toLowerCase().contains("script:") && html.contains("href=\"j"), url + " -> " + html);
            assertFalse(html.toLowerCase().matches("(?s).*href=\"\\s*(javascript|data|vbscript):.*"), url + " -> " + html);
        }
    }

    @Test
    void safeLinksSurvive() {
        String html = safe.toHtml("[a](https://x.example/) [b](mailto:a@x.example) [c](../1.0/index.html) [d](#top)");
        assertTrue(html.contains("href=\"https://x.example/\""));
        assertTrue(html.contains("href=\"mailto:a@x.example\""));
        assertTrue(html.contains("href=\"../1.0/index.html\""));
        assertTrue(html.contains("href=\"#top\""));
    }

    @Test
    void imagesThatABrowserResolvesToAnotherHostAreDropped() {
        // Browsers read '\' as '/' in http(s) URLs and drop tabs and line breaks: all of these are //evil.example/x.png.
        Markdown.SafeLinks links = new Markdown.SafeLinks();
        for (String url : new String[] {"//evil.example/x.png", "/\\evil.example/x.png", "\\/evil.example/x.png",
                "\\\\evil.example/x.png", "/\t/evil.example/x.png", " \\\n\\evil.example/x.png"}) {
            assertEquals("", links.sanitizeImageUrl(url), url);
        }
        // In Markdown a backslash before '/' is an escape, so '\\' spells one backslash.
        assertFalse(safe.toHtml("![shot](/\\evil.example/x.png) ![shot](\\\\/evil.example/x.png)").contains("evil"));
        assertEquals("shots/one.png", links.sanitizeImageUrl("shots/one.png"));
        assertTrue(safe.toHtml("![shot](shots/one.png)").contains("src=\"shots/one.png\""));
    }

    @Test
    void tablesStrikethroughAutolinksAndHeadingAnchors() {
        String html = safe.toHtml("## What's new\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ see https://x.example/docs\n");
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<del>old</del>"), html);
        assertTrue(html.contains("href=\"https://x.example/docs\">"), html);
        assertTrue(html.contains("<h2 id=\"whats-new\">"), html);
    }

    @Test
    void unsafeModeLetsRawHtmlThrough() {
        assertTrue(new Markdown(true).toHtml("<div class=\"x\">hi</div>").contains("<div class=\"x\">hi</div>"));
    }

    @Test
    void excerptIsTheFirstParagraphCutOnAWord() {
        assertEquals("First words here", safe.excerpt("# Title\n\nFirst **words** here\n\nSecond", 100));
        assertEquals("See the docs and run make", safe.excerpt("See [the docs](https://x.example/d) and run `make`", 100));
        assertEquals("one; two", safe.excerpt("- one\n- two\n", 100));
        String cut = safe.excerpt("one two three four five six seven eight nine ten", 20);
        assertTrue(cut.endsWith("…") && cut.length() <= 21, cut);
    }
}
