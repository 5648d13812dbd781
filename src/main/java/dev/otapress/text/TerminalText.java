package dev.otapress.text;

/**
 * Text for a terminal. Names and versions from an IPA or a content folder reach the terminal in
 * {@code inspect} and in diagnostics; a raw ESC there can retitle the window, clear the screen or
 * hide text, and a bidirectional override can reorder what is shown. Such characters are written
 * as visible escapes ({@code \x1b}, {@code \u202e}) instead.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** The text with every control and bidi-formatting character escaped; line breaks and tabs stay. */
    public static String escape(String text) {
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) i++;
        if (i == text.length()) return text;
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) out.append(c);
            else if (c <= 0xff) out.append(String.format("\\x%02x", (int) c));
            else out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        if (c == '\n' || c == '\t') return false;
        if (c < 0x20 || c >= 0x7f && c < 0xa0) return true;
        // Bidi embeddings, overrides and isolates: they reorder the rest of the line on screen.
        return c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f;
    }
}
