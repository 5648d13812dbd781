package dev.otapress.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fits rendered notes into a page's outline. */
final class NotesHtml {
    private static final Pattern HEADING = Pattern.compile("<(/?)h([1-6])(?=[\\s>])", Pattern.CASE_INSENSITIVE);
    private static final String WHATS_NEW = "<h[1-6][^>]*>\\s*what(?:'|’|&#39;|&rsquo;)s new\\s*:?\\s*</h[1-6]>";
    private static final Pattern LEADING_WHATS_NEW = Pattern.compile("\\A\\s*" + WHATS_NEW + "\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCROLLING = Pattern.compile("<(pre|table)(?=[\\s>])([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_WHATS_NEW = Pattern.compile(WHATS_NEW, Pattern.CASE_INSENSITIVE);

    private NotesHtml() {
    }

    /**
     * The heading a page puts over these notes: "What's new", or "Release notes" when the notes
     * have a "What's new" section of their own further down (so the page never says it twice).
     */
    static String heading(String html) {
        String body = LEADING_WHATS_NEW.matcher(html).replaceFirst("");
        return ANY_WHATS_NEW.matcher(body).find() ? "Release notes" : "What's new";
    }

    /**
     * The notes with their headings moved down so the highest becomes {@code top} (h3 under a
     * page's h2 "What's new"), never past h6; a leading "What's new" heading is dropped, since
     * the page already prints one.
     */
    static String nest(String html, int top) {
        // Code blocks and tables scroll sideways inside themselves: keyboard users must reach them.
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
}
