package dev.otapress.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fits rendered notes into a page's outline. */
final class NotesHtml {
    private static final String WHATS_NEW = "<h[1-6][^>]*>\\s*what(?:'|’|&#39;|&rsquo;)s new\\s*:?\\s*</h[1-6]>";
    private static final Pattern LEADING_WHATS_NEW = Pattern.compile("\\A\\s*" + WHATS_NEW + "\\s*", Pattern.CASE_INSENSITIVE);
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
     * the page already prints one. Every page that shows a release's notes asks for this, so the
     * tags are found by one scan from one '<' to the next rather than by a regular expression
     * tried at every character (the same tags: {@code <pre}, {@code <table}, {@code <hN} and
     * {@code </hN} in any case, followed by white space or '>').
     */
    static String nest(String html, int top) {
        Matcher leading = LEADING_WHATS_NEW.matcher(html);
        String body = leading.lookingAt() ? html.substring(leading.end()) : html;
        int highest = 7;
        boolean scrolling = false;
        for (int i = body.indexOf('<'); i >= 0; i = body.indexOf('<', i + 1)) {
            int level = headingLevel(body, i);
            if (level > 0) highest = Math.min(highest, level);
            else if (scrollingTag(body, i) > 0) scrolling = true;
        }
        int shift = highest == 7 || highest >= top ? 0 : top - highest;
        if (!scrolling && shift == 0) return body;
        StringBuilder out = new StringBuilder(body.length() + 64);
        int copied = 0;
        // The end of the last <pre> or <table> tag given a tabindex: another inside its attributes is not a tag.
        int tagEnd = -1;
        for (int i = body.indexOf('<'); i >= 0; i = body.indexOf('<', i + 1)) {
            int level = shift == 0 ? 0 : headingLevel(body, i);
            if (level > 0) {
                // "<", an optional "/", "h" and the digit, with the new level.
                int digit = body.charAt(i + 1) == '/' ? i + 3 : i + 2;
                out.append(body, copied, i + 1).append(body, i + 1, digit - 1).append('h').append(Math.min(6, level + shift));
                copied = digit + 1;
                continue;
            }
            int name = i > tagEnd ? scrollingTag(body, i) : 0;
            if (name > 0) {
                // Code blocks and tables scroll sideways inside themselves: keyboard users must reach them.
                out.append(body, copied, i + 1 + name).append(" tabindex=\"0\"");
                copied = i + 1 + name;
                tagEnd = body.indexOf('>', copied);
            }
        }
        return out.append(body, copied, body.length()).toString();
    }

    /** The level of the heading tag ({@code <hN} or {@code </hN}, any case) at {@code at}, or 0 when there is none. */
    private static int headingLevel(String s, int at) {
        int h = at + 1 < s.length() && s.charAt(at + 1) == '/' ? at + 2 : at + 1;
        if (h + 2 >= s.length()) return 0;
        char c = s.charAt(h);
        char d = s.charAt(h + 1);
        if (c != 'h' && c != 'H' || d < '1' || d > '6' || !endsName(s.charAt(h + 2))) return 0;
        return d - '0';
    }

    /**
     * The length of the name of the {@code <pre} or {@code <table} tag at {@code at} when it is
     * closed by a '>' further on, else 0.
     */
    private static int scrollingTag(String s, int at) {
        int length = name(s, at + 1, "pre") ? 3 : name(s, at + 1, "table") ? 5 : 0;
        if (length == 0 || s.indexOf('>', at + 1 + length) < 0) return 0;
        return length;
    }

    private static boolean name(String s, int from, String lower) {
        int end = from + lower.length();
        if (end >= s.length() || !endsName(s.charAt(end))) return false;
        for (int k = 0; k < lower.length(); k++) {
            char c = s.charAt(from + k);
            if (c != lower.charAt(k) && c != Character.toUpperCase(lower.charAt(k))) return false;
        }
        return true;
    }

    /** What may follow a tag's name: white space as regular expressions' \\s knows it, or '>'. */
    private static boolean endsName(char c) {
        return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
