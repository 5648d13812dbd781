package dev.otapress.text;

import java.util.regex.Pattern;

/**
 * The characters XML 1.0 can carry. Free text (titles, notes, app names) comes from people and
 * from IPAs and may hold control characters (an ANSI colour code pasted from a CI log, an ESC in
 * a bundle name); one such character makes the whole document ill-formed, so every XML writer
 * passes free text through {@link #clean} and identity fields through {@link #firstForbidden}.
 */
public final class XmlText {

    /** ANSI/VT escape sequences (CSI, OSC, single-character escapes), dropped whole, not just their ESC. */
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?|\u001b[@-Z\\\\-_]");

    private XmlText() {
    }

    /** Whether XML 1.0 allows this code point in a document at all. */
    public static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }

    /**
     * The text with terminal escape sequences and every character XML 1.0 forbids removed (lone
     * surrogates included). Text that needs no change is returned as it is.
     */
    public static String clean(String text) {
        if (firstForbidden(text) < 0) return text;
        String s = ESCAPE_SEQUENCE.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (allowed(c)) out.appendCodePoint(c);
        }
        return out.toString();
    }

    /** The index of the first character XML 1.0 forbids, or -1 when there is none. */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            // Most text is printable below the surrogates: one comparison a character, no code point to assemble.
            if (ch >= 0x20 && ch < 0xD800) {
                i++;
                continue;
            }
            int c = text.codePointAt(i);
            if (!allowed(c)) return i;
            i += Character.charCount(c);
        }
        return -1;
    }
}
