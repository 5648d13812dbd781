package dev.otapress.prune;

import java.util.List;

/**
 * Adds lines at the end of an index.md's front matter and changes nothing else: every byte of the
 * existing keys and of the notes stays as it was, line ends included. A file without front matter
 * gets one; a missing file is written as front matter alone.
 */
final class FrontMatterEdit {
    private static final String BOM = "\uFEFF";

    private FrontMatterEdit() {
    }

    /** @param text the file's text, or null when there is no index.md */
    static String append(String text, List<String> lines) {
        if (text == null) return "---\n" + join(lines, "\n") + "---\n";
        String bom = text.startsWith(BOM) ? BOM : "";
        String rest = text.substring(bom.length());
        String eol = rest.contains("\r\n") ? "\r\n" : "\n";
        int firstEnd = lineEnd(rest, 0);
        if (!rest.substring(0, firstEnd).equals("---")) {
            return bom + "---" + eol + join(lines, eol) + "---" + eol + rest;
        }
        int start = next(rest, firstEnd);
        while (start < rest.length()) {
            int end = lineEnd(rest, start);
            String line = rest.substring(start, end);
            if (line.equals("---") || line.equals("...")) {
                return bom + rest.substring(0, start) + join(lines, eol) + rest.substring(start);
            }
            start = next(rest, end);
        }
        // The front matter is never closed: the reader reports that, and nothing here should guess.
        throw new IllegalArgumentException("its front matter opened with '---' is never closed; add a line '---' after it");
    }

    private static String join(List<String> lines, String eol) {
        StringBuilder s = new StringBuilder();
        for (String l : lines) s.append(l).append(eol);
        return s.toString();
    }

    /** The index of the line end (\r\n, \n or \r) at or after {@code from}, or the text's length. */
    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
        return i;
    }

    private static int next(String s, int end) {
        if (end >= s.length()) return s.length() + 1;
        if (s.charAt(end) == '\r' && end + 1 < s.length() && s.charAt(end + 1) == '\n') return end + 2;
        return end + 1;
    }
}
