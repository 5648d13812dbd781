package dev.otapress.add;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The index.md that add writes: front matter from the command line and the IPA, then the notes.
 *
 * @param title   or null
 * @param date    as the user wrote it, or the time of the add
 * @param channel or null for the site's default
 * @param notes   Markdown, or null for a stub
 */
record IndexMd(String title, String date, String channel, String notes) {
    static final String STUB = "No release notes were given for this build.";

    static String date(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The file's text; version and build are left out while they are not yet known. */
    String text(String version, String build) {
        StringBuilder s = new StringBuilder("---\n");
        if (title != null) s.append("title: ").append(quote(title)).append('\n');
        s.append("date: ").append(quote(date)).append('\n');
        if (channel != null) s.append("channel: ").append(quote(channel)).append('\n');
        if (version != null) s.append("version: ").append(quote(version)).append('\n');
        if (build != null) s.append("build: ").append(quote(build)).append('\n');
        s.append("---\n");
        String body = notes == null || notes.isBlank() ? STUB : notes.strip();
        return s.append(body).append('\n').toString();
    }

    /** A YAML double-quoted scalar, which can hold any text. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) q.append(String.format("\\x%02X", c));
                    else q.appendCodePoint(c);
                }
            }
        });
        return q.append('"').toString();
    }
}
