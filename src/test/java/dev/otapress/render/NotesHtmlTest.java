package dev.otapress.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Notes fitted into a page: headings moved down, scrolling blocks made reachable, exactly as the regular expressions that define it. */
class NotesHtmlTest {
    private static final Pattern HEADING = Pattern.compile("<(/?)h([1-6])(?=[\\s>])", Pattern.CASE_INSENSITIVE);
    private static final String WHATS_NEW = "<h[1-6][^>]*>\\s*what(?:'|’|&#39;|&rsquo;)s new\\s*:?\\s*</h[1-6]>";
    private static final Pattern LEADING_WHATS_NEW = Pattern.compile("\\A\\s*" + WHATS_NEW + "\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCROLLING = Pattern.compile("<(pre|table)(?=[\\s>])([^>]*)>", Pattern.CASE_INSENSITIVE);

    /** The definition: what nest did with regular expressions tried at every character. */
    private static String reference(String html, int top) {
        String body = SCROLLING.matcher(LEADING_WHATS_NEW.matcher(html).replaceFirst("")).replaceAll("<$1 tabindex=\"0\"$2>");
        int highest = 7;
        Matcher m = HEADING.matcher(body);
        while (m.find()) highest = Math.min(highest, m.group(2).charAt(0) - '0');
        if (highest == 7 || highest >= top) return body;
        int shift = top - highest;
        StringBuilder out = new StringBuilder(body.length());
        m = HEADING.matcher(body);
        while (m.find()) {
            int level = Math.min(6, m.group(2).charAt(0) - '0' + shift);
            m.appendReplacement(out, "<" + m.group(1) + "h" + level);
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void headingsMoveDownAndScrollingBlocksGetATabindex() {
        assertEquals("<h3 id=\"a\">Fixes</h3>\n<ul><li>x</li></ul>\n<h4>More</h4>",
                NotesHtml.nest("<h1 id=\"a\">Fixes</h1>\n<ul><li>x</li></ul>\n<h2>More</h2>", 3));
        assertEquals("<p>Fixed</p>\n<pre tabindex=\"0\"><code>x</code></pre>\n<table tabindex=\"0\" class=\"t\"></table>",
                NotesHtml.nest("<h2>What’s new</h2>\n<p>Fixed</p>\n<pre><code>x</code></pre>\n<table class=\"t\"></table>", 3));
        assertEquals("<h4>a</h4><h6>b</h6>", NotesHtml.nest("<h1>a</h1><H4>b</H4>", 4), "never past h6");
    }

    @Test
    void theScanMakesWhatTheRegularExpressionsMake() {
        List<String> cases = List.of("", "plain", "<", "<h", "<h2", "<h2>", "</h2", "</h2>", "<h7>x</h7>", "<header>", "<hr>",
                "<h2\t>x</h2\n>", "<H3 class=x>y</H3>", "<pre", "<pre>", "<PRE class=\"a\">x</PRE>", "<pre class=x", "<pre <table>",
                "<pre <h1>x", "<tables>", "<table\r>", "<pre>\n<h1>a</h1></pre><h2>b</h2>", "<h1>x</h1><pre><h3>",
                "<h2>What&#39;s new:</h2>  <h3>Fixes</h3><pre>", "  <h2>WHAT'S NEW</h2><h1>a</h1>", "<p>😀 <h2>é</h2></p>", "<h1\u000B>v</h1>");
        for (String c : cases) for (int top = 2; top <= 6; top++) assertEquals(reference(c, top), NotesHtml.nest(c, top), c + " at h" + top);
        String[] parts = {"<", "/", "h", "H", "1", "2", "6", "7", ">", " ", "\t", "\n", "pre", "PrE", "table", "x", "=\"", "’", "😀",
                "What's new", "<h2>What's new</h2>"};
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) s.append(parts[random.nextInt(parts.length)]);
            int top = 2 + random.nextInt(5);
            assertEquals(reference(s.toString(), top), NotesHtml.nest(s.toString(), top), s + " at h" + top);
        }
    }
}
