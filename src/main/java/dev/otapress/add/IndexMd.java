package dev.otapress.add;

import dev.otapress.yaml.YamlText;

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
        if (title != null) s.append("title: ").append(YamlText.quote(title)).append('\n');
        s.append("date: ").append(YamlText.quote(date)).append('\n');
        if (channel != null) s.append("channel: ").append(YamlText.quote(channel)).append('\n');
        if (version != null) s.append("version: ").append(YamlText.quote(version)).append('\n');
        if (build != null) s.append("build: ").append(YamlText.quote(build)).append('\n');
        s.append("---\n");
        String body = notes == null || notes.isBlank() ? STUB : notes.strip();
        return s.append(body).append('\n').toString();
    }
}
