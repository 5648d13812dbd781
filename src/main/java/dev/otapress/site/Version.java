package dev.otapress.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A version or build number compared the way people read them: part by part, digits as numbers
 * (1.10.0 after 1.9.0), a missing part as zero (1.2 equals 1.2.0), and a pre-release suffix
 * before the release it leads to (1.0-beta2 before 1.0).
 */
public record Version(String text) implements Comparable<Version> {
    public Version {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public int compareTo(Version other) {
        List<Object> a = tokens(text);
        List<Object> b = tokens(other.text);
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = i < a.size() ? a.get(i) : null;
            Object y = i < b.size() ? b.get(i) : null;
            int c = compareToken(x, y);
            if (c != 0) return c;
        }
        return text.compareTo(other.text);
    }

    private static int compareToken(Object x, Object y) {
        if (x == null) x = y instanceof String ? null : Long.valueOf(0);
        if (y == null) y = x instanceof String ? null : Long.valueOf(0);
        // A text token (beta, rc) against nothing: the pre-release sorts first.
        if (x == null) return 1;
        if (y == null) return -1;
        if (x instanceof Long l && y instanceof Long m) return Long.compare(l, m);
        if (x instanceof Long) return 1;
        if (y instanceof Long) return -1;
        return ((String) x).compareToIgnoreCase((String) y);
    }

    /** Runs of digits (as numbers) and runs of letters; everything else separates. */
    private static List<Object> tokens(String s) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i;
            if (Character.isDigit(c)) {
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                String digits = s.substring(i, j).replaceFirst("^0+(?=\\d)", "");
                out.add(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
            } else if (Character.isLetter(c)) {
                while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
                out.add(s.substring(i, j));
            } else {
                j++;
            }
            i = j;
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
